"""JupyterHub configuration for a class: every user gets the Descent kernel and a working copy of
the lessons in their own folder.

    ./lab hub                                  # this machine, http://127.0.0.1:8000
    jupyterhub -f tools/course/jupyterhub_config.py   # the same, with the variables below set

The two choices a course server changes are AUTHENTICATOR and SPAWNER, here and nowhere else:

- On one machine (the default; tests, a teacher trying it out): DummyAuthenticator with one shared
  password (DESCENT_HUB_PASSWORD), and SimpleLocalProcessSpawner, which runs every user's server as
  the hub's own system user with its own home under DESCENT_HUB_DIR/users/. No root needed, but
  no isolation either: any user's code can read the other folders.
- On a course server: "pam" (students log in with their accounts on the server) and
  "jupyterhub.spawner.LocalProcessSpawner" (each server runs as that student's system user, in
  their home). The hub must then run as root. Any other authenticator (OAuth, LDAP) or spawner
  (Docker, Kubernetes) plugs in the same way; make_workspace below is what they all need.

Read from the environment (./lab hub sets them): DESCENT_ROOT (the project), DESCENT_HUB_DIR (the
hub's database, cookie secret and, for SimpleLocalProcessSpawner, the users' homes), JUPYTER_PATH
(where ./lab setup registered the kernel "java"), DESCENT_HUB_IP, DESCENT_HUB_PORT and
DESCENT_HUB_PASSWORD, and DESCENT_HUB_USERS (who may log in, comma-separated; anyone when empty).
"""

import os
import pwd
import shutil
import sys

ROOT = os.environ.get("DESCENT_ROOT") or os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
HUB_DIR = os.environ.get("DESCENT_HUB_DIR") or os.path.join(ROOT, "build", "hub")
os.makedirs(HUB_DIR, exist_ok=True)
sys.path.insert(0, os.path.join(ROOT, "tools", "course"))
import workspace  # noqa: E402  (found through the line above)

AUTHENTICATOR = "dummy"                                  # a course server: "pam"
SPAWNER = "jupyterhub.spawner.SimpleLocalProcessSpawner"  # a course server: "jupyterhub.spawner.LocalProcessSpawner"

LESSONS = "lessons"   # the working copy's folder in each user's home

# Debian's configurable-http-proxy (the hub's proxy) needs the modules in /usr/share/nodejs, which
# a Node.js from elsewhere (NodeSource's) does not search unless told.
if os.path.isdir("/usr/share/nodejs"):
    os.environ["NODE_PATH"] = os.pathsep.join(
        filter(None, [os.environ.get("NODE_PATH"), "/usr/share/nodejs"]))

c = get_config()  # noqa: F821  (JupyterHub provides it)

c.JupyterHub.authenticator_class = AUTHENTICATOR
c.JupyterHub.spawner_class = SPAWNER
c.JupyterHub.ip = os.environ.get("DESCENT_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("DESCENT_HUB_PORT", "8000"))
c.JupyterHub.db_url = "sqlite:///" + os.path.join(HUB_DIR, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(HUB_DIR, "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = os.path.join(HUB_DIR, "jupyterhub-proxy.pid")
c.DummyAuthenticator.password = os.environ.get("DESCENT_HUB_PASSWORD", "")
if AUTHENTICATOR == "dummy" and not c.DummyAuthenticator.password:
    sys.exit("DESCENT_HUB_PASSWORD is not set: without it the dummy authenticator lets in anyone")
c.Authenticator.allowed_users = {name for name in os.environ.get("DESCENT_HUB_USERS", "").split(",")
                                  if name}
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(HUB_DIR, "users", "{username}")

# Every user's server: Jupyter Notebook from this Python, the kernel "java" ./lab setup
# registered, the project's data sets, ND4J's thread settings as ./lab has them.
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/tree/" + LESSONS
c.Spawner.environment = {
    "JUPYTERHUB_SINGLEUSER_APP": "notebook.notebookapp.NotebookApp",   # Notebook 6, as ./lab open
    "JUPYTER_PATH": os.environ.get("JUPYTER_PATH", os.path.join(ROOT, "build", "jupyter")),
    "DESCENT_DATASETS": os.path.join(ROOT, "datasets"),
    "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1"),
    "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1"),
}
if os.getuid() == 0 and SPAWNER.endswith("SimpleLocalProcessSpawner"):
    c.Spawner.args = ["--allow-root"]   # the servers run as the hub's user (containers, CI: root)
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120


def home_of(spawner):
    """The user's home: the hub's folder for them, or their system account's home."""
    home = getattr(spawner, "home_dir", None)
    return home or pwd.getpwnam(spawner.user.name).pw_dir


def make_workspace(spawner):
    """Before each start: the user's working copy of the lessons (copied once, never overwritten),
    signed in the user's own Jupyter data folder so the lessons open trusted."""
    home = home_of(spawner)
    data_dir = os.path.join(home, ".local", "share", "jupyter")
    spawner.environment = {**spawner.environment, "JUPYTER_DATA_DIR": data_dir}
    made = workspace.make(os.path.join(home, LESSONS), os.path.join(ROOT, "notebooks"), data_dir)
    if os.getuid() == 0 and not hasattr(spawner, "home_dir"):   # a system user's files are theirs
        account = pwd.getpwnam(spawner.user.name)
        for path in [os.path.join(home, LESSONS), os.path.join(home, ".local")]:
            for folder, _, files in os.walk(path):
                for name in [folder] + [os.path.join(folder, f) for f in files]:
                    shutil.chown(name, account.pw_uid, account.pw_gid)
    spawner.log.info("workspace of %s: %d lessons copied", spawner.user.name, len(made))


c.Spawner.pre_spawn_hook = make_workspace
