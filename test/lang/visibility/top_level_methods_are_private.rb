def top_helper = :top
p top_helper  # expect: :top
p Object.private_method_defined?(:top_helper)  # expect: true
"str".top_helper
# expect error: private method `top_helper' called for "str":String (NoMethodError)
