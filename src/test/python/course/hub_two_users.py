"""A class of two on Descent's JupyterHub: both log in, both run a lesson, neither sees the other.

    python3 hub_two_users.py ROOT JUPYTER_PATH WORK LESSON

Starts JupyterHub with tools/course/jupyterhub_config.py on free localhost ports, its state in
WORK; JUPYTER_PATH holds the kernel "java". Then, for the users alice and bob: a token through the
hub's API with their password (a log-in), their server started through the API, the kernel
"java" offered, their copy of LESSON trusted, every code cell of it run without an error.
Then the two workspaces must be separate: a file alice's kernel writes and an edit alice saves
stay in hers, bob's copy and the tracked lesson are unchanged. Last, it stops the hub (which stops
the proxy and the servers) and checks that every process it started is gone. Prints what it did; exits 1 naming the first failed check.
Used by descent.notebooks.CourseTest.
"""

import asyncio
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid

import requests
from tornado.websocket import websocket_connect

USERS = ["alice", "bob"]
PASSWORD = "descent-" + uuid.uuid4().hex[:8]
START_SECONDS = 180
CELL_SECONDS = 300


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def wait_for(what, test, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = test()
        if result:
            return result
        time.sleep(1)
    raise AssertionError(f"{what}: not after {seconds} s")


def descendants(pid):
    """The processes below pid, found through /proc (children first listed by parent)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                pass
    found, frontier = [], [pid]
    while frontier:
        children = [p for p, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class Hub:
    def __init__(self, root, jupyter_path, work):
        self.url = f"http://127.0.0.1:{free_port()}"
        state = os.path.join(work, "hub")
        os.makedirs(state, exist_ok=True)
        env = {**os.environ, "DESCENT_ROOT": root, "DESCENT_HUB_DIR": state,
               "DESCENT_HUB_PASSWORD": PASSWORD, "DESCENT_HUB_USERS": ",".join(USERS),
               "JUPYTER_PATH": jupyter_path, "DESCENT_HUB_PORT": self.url.rsplit(":", 1)[1]}
        self.log = open(os.path.join(work, "hub.log"), "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f",
             os.path.join(root, "tools", "course", "jupyterhub_config.py"),
             f"--JupyterHub.hub_port={free_port()}",
             f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{free_port()}"],
            cwd=state, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.users_home = os.path.join(state, "users")
        wait_for("the hub's API answering", self.answers, START_SECONDS)

    def answers(self):
        check(self.process.poll() is None, f"the hub stopped (exit {self.process.poll()})")
        try:
            return requests.get(self.url + "/hub/api", timeout=5).status_code == 200
        except requests.ConnectionError:
            return False

    def stop(self):
        """Stops the hub (it stops the proxy and the servers); kills what outlives it."""
        started = [self.process.pid] + descendants(self.process.pid)
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
        time.sleep(2)
        left = [pid for pid in started if alive(pid)]
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        self.log.close()
        return left


class Student:
    def __init__(self, hub, name):
        self.hub, self.name = hub, name
        reply = requests.post(f"{hub.url}/hub/api/users/{name}/tokens",
                              json={"auth": {"username": name, "password": PASSWORD}}, timeout=30)
        check(reply.status_code in (200, 201),
              f"{name}: log-in through the API: {reply.status_code} {reply.text}")
        self.headers = {"Authorization": "token " + reply.json()["token"]}
        self.server = f"{hub.url}/user/{name}"

    def start(self):
        reply = requests.post(f"{self.hub.url}/hub/api/users/{self.name}/server",
                              headers=self.headers, timeout=60)
        check(reply.status_code in (201, 202),
              f"{self.name}: start: {reply.status_code} {reply.text}")
        wait_for(f"{self.name}'s server ready", self.ready, START_SECONDS)

    def ready(self):
        user = requests.get(f"{self.hub.url}/hub/api/users/{self.name}", headers=self.headers,
                            timeout=10).json()
        return user.get("servers", {}).get("", {}).get("ready")

    def api(self, method, path, **kwargs):
        reply = requests.request(method, f"{self.server}/api/{path}", headers=self.headers,
                                 timeout=60, **kwargs)
        return reply

    def read(self, path):
        reply = self.api("GET", "contents/" + path)
        return reply.json()["content"] if reply.status_code == 200 else None

    async def run(self, lesson, extra_code):
        """Runs every code cell of the user's copy of lesson, then extra_code, in kernel "java"."""
        notebook = self.read("lessons/" + lesson)
        check(notebook is not None, f"{self.name}: no lessons/{lesson} in the workspace")
        untrusted = [cell for cell in notebook["cells"]
                     if cell["cell_type"] == "code" and not cell["metadata"].get("trusted")]
        check(not untrusted,
              f"{self.name}: {lesson} opens with {len(untrusted)} untrusted code cells")
        session = self.api("POST", "sessions", json={
            "path": "lessons/" + lesson, "type": "notebook", "name": lesson,
            "kernel": {"name": "java"}}).json()
        kernel = session["kernel"]["id"]
        url = f"{self.server}/api/kernels/{kernel}/channels".replace("http://", "ws://", 1)
        socket = await websocket_connect(url + "?token=" + self.headers["Authorization"][6:])
        codes = [cell["source"] for cell in notebook["cells"] if cell["cell_type"] == "code"]
        for number, code in enumerate(codes + [extra_code], 1):
            reply = await self.execute(socket, code)
            check(reply["status"] == "ok", f"{self.name}: {lesson} cell {number} failed: "
                  f"{reply.get('ename')}: {reply.get('evalue')}")
        socket.close()
        self.api("DELETE", "sessions/" + session["id"])
        print(f"{self.name}: {len(codes)} code cells of {lesson} ran in their server")

    @staticmethod
    async def execute(socket, code):
        msg_id = uuid.uuid4().hex
        await socket.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "test",
                       "session": uuid.uuid4().hex, "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
        while True:
            text = await asyncio.wait_for(socket.read_message(), CELL_SECONDS)
            check(text is not None, "the kernel's channel closed")
            message = json.loads(text)
            if (message["msg_type"] == "execute_reply"
                    and message["parent_header"].get("msg_id") == msg_id):
                return message["content"]


def digest(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def main(root, jupyter_path, work, lesson):
    tracked = os.path.join(root, "notebooks", lesson)
    before = digest(tracked)
    hub = Hub(root, jupyter_path, work)
    try:
        alice, bob = (Student(hub, name) for name in USERS)
        print("alice and bob logged in through the hub's API")
        for student in (alice, bob):
            student.start()
            kernels = student.api("GET", "kernelspecs").json()["kernelspecs"]
            check("java" in kernels, f"{student.name}: no kernel java, only {sorted(kernels)}")
        print("both servers started, both offer the kernel java")

        write_mark = ('java.nio.file.Files.writeString(java.nio.file.Path.of("mark.txt"), '
                      '"written by " + System.getProperty("user.dir"))')
        asyncio.run(alice.run(lesson, write_mark))
        asyncio.run(bob.run(lesson, "1 + 1"))

        check(alice.read("lessons/mark.txt") is not None,
              "alice's kernel wrote no lessons/mark.txt")
        check(bob.read("lessons/mark.txt") is None, "alice's file is in bob's workspace")
        edited = alice.read("lessons/" + lesson)
        note = {"cell_type": "markdown", "metadata": {}, "source": "alice's note"}
        edited["cells"].insert(0, note)
        saved = alice.api("PUT", "contents/lessons/" + lesson,
                          json={"type": "notebook", "format": "json", "content": edited})
        check(saved.status_code == 200, f"alice could not save her copy: {saved.status_code}")
        check(alice.read("lessons/" + lesson)["cells"][0]["source"] == "alice's note",
              "alice's saved edit is not in her copy")
        check(bob.read("lessons/" + lesson)["cells"][0]["source"] != "alice's note",
              "alice's edit shows in bob's copy")
        homes = sorted(os.listdir(hub.users_home))
        check(homes == USERS, f"user folders {homes}, expected {USERS}")
        print("the workspaces are separate: alice's file and edit are hers alone")
    finally:
        left = hub.stop()
    check(digest(tracked) == before, f"the tracked {tracked} changed")
    check(not left, f"processes outlived the hub and were killed: {left}")
    print("the hub, the proxy and both servers stopped; notebooks/ unchanged")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    try:
        main(*sys.argv[1:])
    except AssertionError as failure:
        sys.exit(f"FAILED: {failure}")
