# IO.popen passes spawn's options to the child: err: [:child, :out], chdir:
p IO.popen(["sh", "-c", "echo out; echo err >&2"], err: [:child, :out], &:read)
p IO.popen(["sh", "-c", "echo out2; echo err2 >&2", err: [:child, :out]], &:read)
p IO.popen("pwd", chdir: "/", &:read)
p IO.popen(["sh", "-c", "echo hidden >&2; echo shown"], err: File::NULL, &:read)
p IO.popen(["cat"], "r+") { |io| io.write("abc"); io.close_write; io.read }
# expect: "out\nerr\n"
# expect: "out2\nerr2\n"
# expect: "/\n"
# expect: "shown\n"
# expect: "abc"
