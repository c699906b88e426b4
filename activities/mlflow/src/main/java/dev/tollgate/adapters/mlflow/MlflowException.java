package dev.tollgate.adapters.mlflow;

/**
 * A call to MLflow that did not succeed: {@code status} 0 when the server was not reached, else the
 * HTTP status with MLflow's {@code error_code} ({@code RESOURCE_ALREADY_EXISTS}, ...).
 */
public final class MlflowException extends RuntimeException {
  private final int status;
  private final String errorCode;

  MlflowException(int status, String errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  boolean is(String code) {
    return code.equals(errorCode);
  }

  boolean notFound() {
    return is("RESOURCE_DOES_NOT_EXIST");
  }
}
