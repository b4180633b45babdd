"""The action server's numeric libraries run one BLAS thread (actions/actions.py, single_blas_thread).

Checked in a fresh interpreter that imports the actions module as `rasa run actions`
does: every BLAS library loaded there (numpy's and scipy's OpenBLAS) reports one
thread. Without the limit OpenBLAS runs one thread per core, whose spinning cost the
action server 26 ms of CPU per message.
"""

import json
import subprocess
import sys

from actions.knowledge import PROJECT_ROOT

PROBE = """
import json, threadpoolctl
import actions.actions
from actions.languages import detector_for
detector_for(("de", "en")).classify("Wo ist das Büro?")
print(json.dumps([(i["filepath"], i["num_threads"]) for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]))
"""


def test_every_blas_library_of_the_action_server_runs_one_thread() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          timeout=300, check=True, env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin",
                                                        "TF_CPP_MIN_LOG_LEVEL": "3"})
    libraries = json.loads(done.stdout.strip().splitlines()[-1])
    assert libraries, "no BLAS library found: the probe no longer loads numpy"
    assert all(threads == 1 for _, threads in libraries), libraries
