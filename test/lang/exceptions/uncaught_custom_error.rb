class Oops < StandardError; end
raise Oops, "custom failure"
# expect error: custom failure (Oops)
