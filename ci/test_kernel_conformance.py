"""Jupyter protocol conformance of the installed reprolab-java kernel, with Debian's jupyter_kernel_test.

Every test of the suite is enabled. Run: /usr/bin/python3 -m pytest -q ci/test_kernel_conformance.py
"""
import unittest

import jupyter_kernel_test as jkt


class ReprolabKernelTests(jkt.KernelTests):
    kernel_name = "reprolab-java"
    language_name = "java"
    file_extension = ".jsh"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # JShell compiles its first cell slowly on a busy machine; the suite allows 15 s per request.
        cls.kc.execute_interactive("int warmUp = 1;", timeout=120)

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "System.currentTimeMil", "matches": {"currentTimeMillis()"}},
        {"text": "%dev", "matches": {"device"}},
    ]
    complete_code_samples = ["1 + 1", "int x = 3;", "void f() { }", "%repro list"]
    incomplete_code_samples = ["void f() {", "int x = (1 +", "for (int i = 0; i < 3; i++) {"]
    invalid_code_samples = ["}"]

    code_generate_error = 'throw new RuntimeException("boom");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"a" + "b"', "result": "ab"},
        {"code": "java.util.List.of(1, 2)", "result": "[1, 2]"},
    ]
    code_display_data = [
        {"code": "display(new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
        {"code": 'display("<b>x</b>", "text/html");', "mime": "text/html"},
    ]
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "System.out.println"
    code_clear_output = "clearOutput();"
    code_page_something = "Math.max?"


if __name__ == "__main__":
    unittest.main()
