"""Runs one cell through the kernelspec "java" (JUPYTER_PATH), for `./lab setup`: prints nothing and
exits 0 when `1 + 1` gives 2; otherwise prints why, with the first line the kernel's JVM wrote to
standard error (e.g. "Unrecognized option: ..."), and exits 1. Usage: first_cell.py <kernel-log-file>
"""
import sys

from jupyter_client.manager import KernelManager

LOG = sys.argv[1]


def first_error_line():
    """The JVM's first error line; with the line after it when that is not a stack frame (the
    JVM's "Error occurred during initialization of VM" says why only on its second line)."""
    with open(LOG, errors="replace") as log:
        lines = [line.strip() for line in log if line.strip()]
    if not lines:
        return "(the kernel wrote nothing to standard error)"
    return " ".join(lines[:2]) if len(lines) > 1 and not lines[1].startswith("at ") else lines[0]


def main():
    km = KernelManager(kernel_name="java")
    with open(LOG, "w") as log:
        km.start_kernel(stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        reply = kc.execute_interactive("1 + 1", timeout=120, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            print("the first cell failed: %s: %s" % (reply["content"].get("ename"), reply["content"].get("evalue")))
            return 1
        return 0
    except RuntimeError as e:                       # the kernel died before it answered
        print("the kernel did not start (%s); its Java said: %s" % (e, first_error_line()))
        return 1
    except TimeoutError:
        print("the kernel did not answer within 120 s; its Java said: %s" % first_error_line())
        return 1
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    sys.exit(main())
