# did_you_mean.rb -- maglev's own DidYouMean: the "Did you mean?" lines that
# CRuby 3.1 appends to the messages of NameError, NoMethodError and KeyError.
#
# A spell checker keeps the dictionary words whose Jaro-Winkler similarity to
# the (lower-cased) input reaches a threshold, best first; of those it answers
# the ones within a Levenshtein distance of a quarter of the input's length or,
# failing that, the single best one whose distance is below the shorter length.
# Exception#to_s (core/exception.c) calls DidYouMean.formatted_suggestions and
# appends its answer; this file loads on the first such call.
module DidYouMean
  # Jaro similarity with the Winkler prefix bonus (up to 4 characters, 0.1
  # each, when the Jaro similarity is above 0.7).
  module JaroWinkler
    module_function

    def jaro(s, t)
      s, t = t, s if s.length > t.length
      a = s.codepoints
      b = t.codepoints
      return 0.0 if a.empty?
      window = b.length / 2 - 1
      window = 0 if window < 0
      used = Array.new(b.length, false)
      matched_a = []
      a.each_with_index do |c, i|
        lo = i - window
        lo = 0 if lo < 0
        hi = i + window
        hi = b.length - 1 if hi > b.length - 1
        j = lo
        while j <= hi
          if !used[j] && b[j] == c
            used[j] = true
            matched_a << c
            break
          end
          j += 1
        end
      end
      m = matched_a.length
      return 0.0 if m == 0
      matched_b = []
      b.each_with_index { |c, j| matched_b << c if used[j] }
      half = 0
      m.times { |k| half += 1 if matched_a[k] != matched_b[k] }
      t2 = half / 2
      (m.to_f / a.length + m.to_f / b.length + (m - t2).to_f / m) / 3.0
    end

    def distance(s, t)
      d = jaro(s, t)
      return d unless d > 0.7
      prefix = 0
      a = s.codepoints
      b = t.codepoints
      while prefix < 4 && prefix < a.length && a[prefix] == b[prefix]
        prefix += 1
      end
      d + prefix * 0.1 * (1 - d)
    end
  end

  # Edit distance: insertions, deletions and substitutions cost 1.
  module Levenshtein
    module_function

    def distance(s, t)
      a = s.codepoints
      b = t.codepoints
      return b.length if a.empty?
      return a.length if b.empty?
      row = (0..b.length).to_a
      a.each_with_index do |ca, i|
        prev = row[0]
        row[0] = i + 1
        b.each_with_index do |cb, j|
          cur = row[j + 1]
          cost = ca == cb ? 0 : 1
          best = prev + cost
          best = row[j] + 1 if row[j] + 1 < best
          best = cur + 1 if cur + 1 < best
          row[j + 1] = best
          prev = cur
        end
      end
      row[b.length]
    end
  end

  class SpellChecker
    def initialize(dictionary:)
      @dictionary = dictionary
    end

    def correct(input)
      word = normalize(input)
      limit = word.length > 3 ? 0.834 : 0.77
      close = []
      @dictionary.each do |entry|
        next if input.to_s == entry.to_s
        score = JaroWinkler.distance(normalize(entry), word)
        close << [entry, JaroWinkler.distance(entry.to_s, word)] if score >= limit
      end
      # best first; equally good words in reverse dictionary order (as CRuby's answers come)
      ranked = close.each_with_index.sort_by { |(_, score), i| [score, i] }.reverse!.map { |(entry, _), _| entry }
      typos = (word.length * 0.25).ceil
      found = ranked.select { |entry| Levenshtein.distance(normalize(entry), word) <= typos }
      return found unless found.empty?
      ranked.each do |entry|
        e = normalize(entry)
        shorter = word.length < e.length ? word.length : e.length
        return [entry] if Levenshtein.distance(e, word) < shorter
      end
      []
    end

    private

    def normalize(x)
      x.to_s.downcase.delete("@")
    end
  end

  RESERVED_WORDS = %i[
    alias and BEGIN begin break case class def defined? do else elsif END end
    ensure false for if in module next nil not or redo rescue retry return self
    super then true undef unless until when while yield __LINE__ __FILE__ __ENCODING__
  ].freeze

  # a constant name with the namespace it was found in
  class ClassName < String
    attr_reader :namespace

    def initialize(name, namespace = "")
      super(name.to_s)
      @namespace = namespace
    end

    def full_name
      namespace.empty? ? to_s : "#{namespace}#{self}"
    end
  end

  # DidYouMean.formatter.message_for(corrections): the text appended to a
  # message (optparse uses it for an unknown option)
  class Formatter
    def message_for(corrections)
      corrections.empty? ? "" : "\nDid you mean?  #{corrections.join("\n               ")}"
    end
  end

  class << self
    attr_writer :formatter

    def formatter
      @formatter ||= Formatter.new
    end

    # "\nDid you mean?  a\n               b", or "" when nothing is close
    def formatted_suggestions(exception, message = exception.to_s)
      formatter.message_for(corrections(exception, message))
    end

    def corrections(exception, message = exception.to_s)
      case exception
      when NoMethodError then method_corrections(exception)
      when NameError then name_corrections(exception, message.to_s)
      when KeyError then key_corrections(exception)
      else []
      end
    end

    private

    def method_corrections(e)
      name = e.name
      recv = e.receiver
      priv = e.private_call?
      return [] unless name
      names = recv.methods + recv.singleton_methods
      names += recv.private_methods if priv
      names.uniq!
      if name.to_s.end_with?("=")
        names.select! { |n| n.to_s.end_with?("=") }
      else
        names.reject! { |n| n.to_s.end_with?("=") }
      end
      names = RESERVED_WORDS + names if priv
      found = SpellChecker.new(dictionary: names).correct(name)
      found -= nil.methods if recv.nil?
      found
    rescue NameError, ArgumentError
      []
    end

    def name_corrections(e, msg)
      if msg.start_with?("uninitialized constant")
        constant_corrections(e, msg)
      elsif msg.start_with?("undefined local variable or method", "undefined method",
                            "uninitialized class variable") || msg.match?(/\Ano member '.*' in struct\z/)
        variable_corrections(e)
      else
        []
      end
    end

    def variable_corrections(e)
      name = e.name.to_s.delete("@")
      recv = e.receiver
      words = RESERVED_WORDS + e.local_variables + recv.methods + recv.singleton_methods +
              recv.private_methods + recv.instance_variables + recv.class.class_variables
      words += recv.class_variables if recv.is_a?(Module)
      found = SpellChecker.new(dictionary: words).correct(name).uniq
      found -= %i[fork for] if name == "foo"
      found
    rescue NameError, ArgumentError
      []
    end

    def constant_corrections(e, msg)
      scopes = [Object]
      recv = e.receiver
      recv.to_s.split("::").each do |part|
        scope = begin
          scopes.last.const_get(part)
        rescue NameError
          nil
        end
        break unless scope.is_a?(Module)
        scopes << scope
      end
      scopes.uniq!
      names = scopes.flat_map do |scope|
        scope.constants.map { |c| ClassName.new(c, scope.equal?(Object) ? "" : "#{scope}::") }
      end
      SpellChecker.new(dictionary: names).correct(e.name).map(&:full_name).reject { |n| msg.include?(n) }
    rescue NameError, ArgumentError
      []
    end

    def key_corrections(e)
      key = e.key
      recv = e.receiver
      return [] unless recv.respond_to?(:keys)
      keys = recv.keys
      exact = keys.select { |k| key == k.to_s }.map(&:inspect)
      return exact unless exact.empty?
      SpellChecker.new(dictionary: keys).correct(key).map(&:inspect)
    rescue ArgumentError
      []
    end
  end
end
