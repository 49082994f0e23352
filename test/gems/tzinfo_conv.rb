# TZInfo conversions with the system's tzdata (/usr/share/zoneinfo)
require "tzinfo"

paris = TZInfo::Timezone.get("Europe/Paris")
ny = TZInfo::Timezone.get("America/New_York")
utc = Time.utc(2024, 7, 1, 12, 30, 0)
p paris.identifier
local = paris.utc_to_local(utc)
puts local.strftime("%Y-%m-%d %H:%M:%S %z")
puts ny.to_local(utc).strftime("%Y-%m-%d %H:%M:%S %Z")
puts paris.local_to_utc(Time.utc(2024, 1, 15, 9, 0, 0)).strftime("%Y-%m-%d %H:%M:%S")
p paris.current_period.class
winter = paris.period_for_utc(Time.utc(2024, 1, 1))
summer = paris.period_for_utc(Time.utc(2024, 7, 1))
p [winter.abbreviation, winter.utc_total_offset, winter.dst?]
p [summer.abbreviation, summer.utc_total_offset, summer.dst?]
t = paris.transitions_up_to(Time.utc(2025, 1, 1), Time.utc(2024, 1, 1))
t.each { |tr| puts "#{tr.at.to_time.utc} #{tr.offset.abbreviation}" }
p TZInfo::Timezone.get("Asia/Tokyo").utc_to_local(utc).hour
begin
  TZInfo::Timezone.get("Mars/Olympus")
rescue TZInfo::InvalidTimezoneIdentifier => e
  puts "#{e.class}: #{e.message}"
end
p TZInfo::Timezone.all_identifiers.include?("Europe/Berlin")
p TZInfo::Country.get("FR").zone_identifiers rescue p $!.class
# expect: "Europe/Paris"
# expect: 2024-07-01 14:30:00 +0200
# expect: 2024-07-01 08:30:00 EDT
# expect: 2024-01-15 08:00:00
# expect: TZInfo::TransitionsTimezonePeriod
# expect: ["CET", 3600, false]
# expect: ["CEST", 7200, true]
# expect: 2024-03-31 01:00:00 UTC CEST
# expect: 2024-10-27 01:00:00 UTC CET
# expect: 21
# expect: TZInfo::InvalidTimezoneIdentifier: Invalid identifier: Mars/Olympus
# expect: true
# expect: ["Europe/Paris"]
