"""Jupyter's own kernel conformance suite (jupyter_kernel_test, Debian's python3-jupyter-kernel-test)
run against Descent's Java kernel.

Run by descent.kernel.KernelConformanceTest with JUPYTER_PATH pointing at a kernelspec written by
descent.kernel.Install. Prints one line per test of the suite: "PASS <test>", "SKIP <test> <why>"
(the suite skips what a kernel declares no sample for) or "FAIL <test> <traceback>".
"""
import inspect
import re
import sys
import unittest

import jupyter_kernel_test


class JavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "java"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to standard error");'
    completion_samples = [{"text": "Math.ma"}, {"text": "List.o"}]
    complete_code_samples = ["1 + 1", "int x = 1;", "void f() { }", "for (int i = 0; i < 3; i++) { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "void f() {", "int y ="]
    invalid_code_samples = ["int = 7q;", "int x = 1 +* ;)"]
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [{"code": "6 * 7", "result": "42"}, {"code": "Math.max(2, 3)", "result": "3"}]
    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
        {"code": "display(new XYChartBuilder().width(80).height(60).build());", "mime": "image/png"},
    ]
    code_inspect_sample = "Math.max"
    code_clear_output = 'System.out.println("gone"); clearOutput();'
    # history_request gets an (empty) reply: the notebook, not the kernel, holds the cells
    supported_history_operations = ()

    @classmethod
    def setUpClass(cls):
        """The suite waits 0.1 s for each next output message of a cell; on a machine loaded beyond
        its cores that is a timing test, so the waits here are at least PATIENCE_S."""
        super().setUpClass()
        channel = cls.kc.iopub_channel
        get_msg = channel.get_msg
        if inspect.iscoroutinefunction(get_msg):
            async def patient(*args, timeout=None, **kwargs):
                return await get_msg(*args, timeout=timeout and max(timeout, PATIENCE_S), **kwargs)
        else:
            def patient(*args, timeout=None, **kwargs):
                return get_msg(*args, timeout=timeout and max(timeout, PATIENCE_S), **kwargs)
        channel.get_msg = patient


PATIENCE_S = 1.0


def main():
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(JavaKernelTests)
    name = lambda test: re.search(r"(test_\w+)", test.id()).group(1)
    methods = [name(test) for test in suite]
    result = unittest.TextTestRunner(stream=sys.stderr, verbosity=2).run(suite)
    failed = {}
    for test, trace in result.failures + result.errors:
        failed.setdefault(name(test), []).append(trace)
    skipped = {}
    for test, reason in result.skipped:
        if not hasattr(test, "test_case"):              # a whole test, not one of its sub-tests
            skipped.setdefault(name(test), reason)
    for method in methods:
        if method in failed:
            print("FAIL " + method + " " + " | ".join(failed[method]).replace("\n", " | "), flush=True)
        elif method in skipped:
            print("SKIP " + method + " " + (skipped[method] or "no sample"), flush=True)
        else:
            print("PASS " + method, flush=True)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
