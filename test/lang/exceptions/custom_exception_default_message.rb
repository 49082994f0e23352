class MyErr < StandardError
  def initialize(msg = "my default")
    super
  end
end
begin
  raise MyErr
rescue => e
  p e.message  # expect: "my default"
end
p MyErr.new.message  # expect: "my default"
p StandardError.new.message  # expect: "StandardError"
