# env.rb -- the rest of ENV's Hash-like API, on the C core of core/process.c
# ([] []= fetch delete keys each to_h ...). CRuby's select/filter/reject return a
# Hash, not Enumerable's array of pairs; replace/update are what Bundler uses to
# restore the environment it saved.
class << ENV
  def update(*hashes)
    hashes.each do |h|
      h.to_hash.each do |k, v|
        self[k] = block_given? && key?(k) ? yield(k, self[k], v) : v
      end
    end
    self
  end
  alias_method :merge!, :update

  def replace(hash)
    h = hash.to_hash
    h.each { |k, v| self[k] = v }   # validates every pair (TypeError) before removing
    (keys - h.keys).each { |k| delete(k) }
    self
  end

  def clear
    keys.each { |k| delete(k) }
    self
  end

  def select(&blk)
    return to_enum(:select) { size } unless blk
    to_h.select(&blk)
  end
  alias_method :filter, :select

  def reject(&blk)
    return to_enum(:reject) { size } unless blk
    to_h.reject(&blk)
  end

  def delete_if(&blk)
    return to_enum(:delete_if) { size } unless blk
    reject!(&blk)
    self
  end

  def keep_if(&blk)
    return to_enum(:keep_if) { size } unless blk
    select!(&blk)
    self
  end

  def reject!
    return to_enum(:reject!) { size } unless block_given?
    gone = to_h.select { |k, v| yield(k, v) }.keys
    gone.each { |k| delete(k) }
    gone.empty? ? nil : self
  end

  def select!
    return to_enum(:select!) { size } unless block_given?
    gone = to_h.reject { |k, v| yield(k, v) }.keys
    gone.each { |k| delete(k) }
    gone.empty? ? nil : self
  end
  alias_method :filter!, :select!

  def each_key(&blk)
    return to_enum(:each_key) { size } unless blk
    keys.each(&blk)
    self
  end

  def each_value(&blk)
    return to_enum(:each_value) { size } unless blk
    values.each(&blk)
    self
  end

  def slice(*names) = to_h.slice(*names)
  def except(*names) = to_h.except(*names)
  def values_at(*names) = names.map { |k| self[k] }
  def assoc(name) = (v = self[name]) ? [name, v] : nil
  def key(value) = to_h.key(value)
  def rassoc(value) = to_h.rassoc(value)
  def invert = to_h.invert
end
