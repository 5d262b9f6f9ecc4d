"""What the kernel check scripts share: their report, as descent.kernel.CheckScript reads it.

One line per check, "PASS <name>", "PASS <name> <what it measured>" or "FAIL <name> <why>";
exit() ends the script with status 1 when any check failed.
"""
import sys

_failed = 0


def report(name, ok, detail=""):
    global _failed
    print(("PASS " if ok else "FAIL ") + name + (" " + str(detail) if detail else ""), flush=True)
    _failed += 0 if ok else 1


def check(name):
    """Runs the decorated function at once as the check `name`: it passes with what the function
    returns, and fails with the assertion's message or the exception it raised."""
    def wrap(fn):
        try:
            result = fn()
            report(name, True, result if result is not None else "")
        except AssertionError as e:
            report(name, False, str(e)[:800])
        except Exception as e:  # noqa: BLE001 - any error fails the check, and the next ones run
            report(name, False, repr(e)[:800])
        return fn
    return wrap


def exit():
    sys.exit(1 if _failed else 0)
