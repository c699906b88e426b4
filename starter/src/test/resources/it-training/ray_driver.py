"""The Ray fault tests' training command (RayTrainingFaultsIT), run by Tollgate's launcher as a
Ray job's entrypoint; it ends by exec'ing trainer.py (the arguments passed on), so the model is
the same small regression tree as for a command.

IT_CASE (training.env) says what happens first; every marker goes into $IT_MARKS:
  task        a Ray task pinned to the second node (resources {"second": 1}, max_retries=2)
              writes task-<pid>; the first one sleeps five minutes (the test kills its node),
              a retried one returns at once
  hang-first  the first start writes hung-<pid> and sleeps five minutes (the test restarts the
              head); a later start trains at once
  sleep       writes slept-<pid>, sleeps IT_SLEEP seconds, then trains
"""

import os
import sys
import time


def task_on_second_node(marks):
    import ray

    @ray.remote(resources={"second": 1}, num_cpus=0, max_retries=2)
    def work(folder):
        first = not any(n.startswith("task-") for n in os.listdir(folder))
        open(os.path.join(folder, "task-%d" % os.getpid()), "w").close()
        if first:
            time.sleep(300)
        return os.getpid()

    ray.init()
    print("ray_driver: the task ended in pid %d" % ray.get(work.remote(marks)), flush=True)
    ray.shutdown()


def main():
    marks = os.environ["IT_MARKS"]
    case = os.environ["IT_CASE"]
    if case == "task":
        task_on_second_node(marks)
    elif case == "hang-first":
        first = not any(n.startswith("hung-") for n in os.listdir(marks))
        open(os.path.join(marks, "hung-%d" % os.getpid()), "w").close()
        if first:
            print("ray_driver: hanging", flush=True)
            time.sleep(300)
            sys.exit("ray_driver: hung for five minutes and nobody stopped it")
    elif case == "sleep":
        open(os.path.join(marks, "slept-%d" % os.getpid()), "w").close()
        time.sleep(int(os.environ.get("IT_SLEEP", "20")))
    else:
        sys.exit("ray_driver: unknown IT_CASE " + case)
    os.execv(sys.executable, [sys.executable, "trainer.py", *sys.argv[1:]])


if __name__ == "__main__":
    main()
