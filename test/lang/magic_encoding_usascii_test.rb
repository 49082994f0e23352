#!/usr/bin/env ruby
# -*- coding: us-ascii -*-
# A us-ascii source (the magic comment may follow a #! line): ASCII literals
# are US-ASCII, a \x escape past 127 makes ASCII-8BIT, a \u escape UTF-8
p "abc".encoding, "\xff".encoding, "\u00e9".encoding, __ENCODING__   # expect: #<Encoding:US-ASCII>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:US-ASCII>
p ("x" + "\u00e9").encoding, ("a" + "b").encoding   # expect: #<Encoding:UTF-8>
# expect: #<Encoding:US-ASCII>
