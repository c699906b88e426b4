package dev.tollgate.cli.worker;

import org.springframework.core.env.Environment;

/**
 * Where a started worker's HTTP endpoints answer, for its ready line: local serving ({@code
 * /v1/models}) and the actuator, on the ports the web servers actually bound ({@code
 * local.server.port}, and {@code local.management.port} when the actuator has a port of its own),
 * so {@code --http-port 0} prints the free port it got rather than 0.
 *
 * @param serving the serving API's base URL
 * @param actuator the actuator's base URL ({@code /health}, {@code /prometheus} below it)
 * @param reach who can reach them: "this machine only", "every interface", or "" for a named
 *     address
 */
record WorkerHttp(String serving, String actuator, String reach) {

  static WorkerHttp of(Environment env) {
    String address = env.getProperty("server.address", "");
    String context = path(env.getProperty("server.servlet.context-path", ""));
    int port = env.getRequiredProperty("local.server.port", Integer.class);
    String serving = url(address, port) + context + "/v1/models";

    String actuatorPath = path(env.getProperty("management.endpoints.web.base-path", "/actuator"));
    Integer managementPort = env.getProperty("local.management.port", Integer.class);
    String actuator;
    if (managementPort == null || managementPort == port) {
      actuator = url(address, port) + context + actuatorPath;
    } else {
      String managementAddress = env.getProperty("management.server.address", address);
      String base = path(env.getProperty("management.server.base-path", ""));
      actuator = url(managementAddress, managementPort) + base + actuatorPath;
    }
    return new WorkerHttp(serving, actuator, reach(address));
  }

  /** The ready line's HTTP part: "serving http://127.0.0.1:8080/v1/models, actuator …". */
  String describe() {
    return "serving "
        + serving
        + ", actuator "
        + actuator
        + (reach.isEmpty() ? "" : " (" + reach + ")");
  }

  /** A URL a person on this machine can open: loopback stands in for a wildcard address. */
  private static String url(String address, int port) {
    String host = address.isBlank() || wildcard(address) ? "127.0.0.1" : address.strip();
    if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
    return "http://" + host + ":" + port;
  }

  private static String reach(String address) {
    String a = address.strip();
    if (a.isEmpty() || wildcard(a)) return "every interface";
    if (a.equals("localhost") || a.startsWith("127.") || a.equals("::1") || a.equals("[::1]")) {
      return "this machine only";
    }
    return "";
  }

  private static boolean wildcard(String address) {
    String a = address.strip();
    return a.equals("0.0.0.0") || a.equals("::") || a.equals("[::]");
  }

  /** "" for none or "/", else the path with one leading slash and none trailing. */
  private static String path(String path) {
    String p = path == null ? "" : path.strip();
    while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    if (p.isEmpty()) return "";
    return p.startsWith("/") ? p : "/" + p;
  }
}
