# maglev/rcqueue.rb -- RCQueue (MAGLEV-API.md section 7) is built in: a base-image
# class with its methods in lib/prelude/rc.rb. Requiring this file, as MagLev
# programs do, is harmless.
RCQueue
