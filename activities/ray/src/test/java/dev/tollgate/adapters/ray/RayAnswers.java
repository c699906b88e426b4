package dev.tollgate.adapters.ray;

/** Bodies the real Ray 2.60 dashboard sent (docs/wip/i26-ray-facts.md, captured with curl). */
final class RayAnswers {
  private RayAnswers() {}

  static final String VERSION =
      "{\"version\": \"4\", \"ray_version\": \"2.60.0\", \"ray_commit\":"
          + " \"b7f4259e944bf6959f721b106adc366ddfa0c356\", \"session_name\":"
          + " \"session_2026-12-07_10-12-17_692878_1289\"}";

  static final String SUBMITTED = "{\"job_id\": \"tg-1\", \"submission_id\": \"tg-1\"}";

  static final String FAILED =
      "{\"type\": \"SUBMISSION\", \"job_id\": null, \"submission_id\": \"tg-1\", \"driver_info\":"
          + " null, \"status\": \"FAILED\", \"entrypoint\": \"echo hi; exit 3\", \"message\": \"Job"
          + " entrypoint command failed with exit code 3, last available logs (truncated to 20,000"
          + " chars):\\n2026-12-07 10:12:36,903\\tINFO job_manager.py:581 -- Runtime env is setting"
          + " up.\\nhi\\nRunning entrypoint for job tg-1: echo hi; exit 3\\n\", \"error_type\":"
          + " \"JOB_ENTRYPOINT_COMMAND_ERROR\", \"start_time\": 1796638356897, \"end_time\":"
          + " 1796638357999, \"metadata\": {\"a\": \"b\"}, \"runtime_env\": null,"
          + " \"driver_agent_http_address\": \"http://192.0.2.2:47115\", \"driver_node_id\":"
          + " \"87fc4e8f46e1f125decf7cad95080c3b0d177fcb39942dda201fd503\", \"driver_exit_code\": 3}";

  static final String PENDING =
      "{\"type\": \"SUBMISSION\", \"job_id\": null, \"submission_id\": \"tg-2\", \"status\":"
          + " \"PENDING\", \"message\": \"Job has not started yet. It may be waiting for the runtime"
          + " environment to be set up.\", \"error_type\": null, \"driver_exit_code\": null}";

  /** A duplicate submission id: the head passes the agent's 400 on as a 500 traceback. */
  static final String DUPLICATE =
      "Traceback (most recent call last):\n"
          + "  File \"/root/.cache/tollgate/ray-7d32108e6765/lib/python3.11/site-packages/ray/"
          + "dashboard/modules/job/job_head.py\", line 417, in submit_job\n"
          + "    raise RuntimeError(f\"Request failed with status code {status}: {error_text}.\")\n"
          + "RuntimeError: Request failed with status code 400: Traceback (most recent call last):\n"
          + "  File \"/root/.cache/tollgate/ray-7d32108e6765/lib/python3.11/site-packages/ray/"
          + "dashboard/modules/job/job_manager.py\", line 553, in submit_job\n"
          + "    raise ValueError(\n"
          + "ValueError: Job with submission_id tg-1 already exists. Please use a different"
          + " submission_id.\n.\n";

  static final String BAD_CPUS =
      "Traceback (most recent call last):\n"
          + "  File \"/root/.cache/tollgate/ray-7d32108e6765/lib/python3.11/site-packages/ray/"
          + "dashboard/modules/job/common.py\", line 524, in __post_init__\n"
          + "    raise TypeError(\n"
          + "TypeError: entrypoint_num_cpus must be a number, got <class 'str'>\n";

  static final String LOGS =
      "{\"logs\": \"2026-12-07 10:12:36,903\\tINFO job_manager.py:581 -- Runtime env is setting"
          + " up.\\nhi\\nRunning entrypoint for job tg-1: echo hi; exit 3\\n\"}";

  static final String NODES =
      "{\"result\": true, \"msg\": \"\", \"data\": {\"result\": {\"total\": 2,"
          + " \"num_after_truncation\": 2, \"num_filtered\": 2, \"result\": [{\"node_id\":"
          + " \"87fc\", \"node_ip\": \"192.0.2.2\", \"is_head_node\": true, \"state\": \"ALIVE\","
          + " \"state_message\": null, \"resources_total\": {\"node:192.0.2.2\": 1.0, \"head\": 1.0,"
          + " \"CPU\": 1.0, \"object_store_memory\": 300000000.0, \"memory\": 24474848512.0},"
          + " \"labels\": {}}, {\"node_id\": \"952e\", \"node_ip\": \"192.0.2.2\", \"is_head_node\":"
          + " false, \"state\": \"DEAD\", \"state_message\": \"Unexpected termination: health check"
          + " failed due to missing too many heartbeats\", \"resources_total\": {\"second\": 1.0,"
          + " \"CPU\": 1.0}, \"labels\": {}}], \"partial_failure_warning\": \"\", \"warnings\":"
          + " null}}}";
}
