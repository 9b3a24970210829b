"""Runs a command on a pseudo-terminal, answering prompts, for the CLI's terminal tests.

argv[1]: the command as a JSON list; argv[2]: JSON list of [prompt, answer] pairs, answered in
order as each prompt appears. Prints {"status": exit code, "output": everything the terminal showed}.
"""
import json
import os
import pty
import select
import sys
import time

command = json.loads(sys.argv[1])
answers = json.loads(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)

output = b""
searched = 0
deadline = time.time() + 90
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if ready:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        output += data
    if answers and answers[0][0].encode() in output[searched:]:
        searched = output.index(answers[0][0].encode(), searched) + len(answers[0][0])
        os.write(fd, answers.pop(0)[1].encode())
_, status = os.waitpid(pid, 0)
print(json.dumps({"status": os.waitstatus_to_exitcode(status), "output": output.decode("utf-8", "replace")}))
