class Widget
  def inspect = "#<Widget>"
end
Widget.new.spin
# expect error: undefined method `spin' for #<Widget> (NoMethodError)
