package dev.tollgate.policy;

/**
 * One attempt at a production action, as the workflow that received it asks the worker to authorise
 * it.
 *
 * @param by who asks: a claim, unless {@code voucher} vouches for it
 * @param detail what exactly is asked, in the words the seal covers ({@code to=v2 run=rollback-x},
 *     {@code challenger=v3}, a spec's digest), computed by the workflow from the request itself
 * @param voucher a worker's seal on the name, or {@code null}
 * @param atMillis workflow time of the attempt: a seal that expired before it is refused
 */
public record ActionRequest(
    PolicyAction action, String model, String by, String detail, Voucher voucher, long atMillis) {

  /** "claim", or "mtls" when a worker vouched for the name. */
  public String via() {
    return voucher == null ? "claim" : voucher.channel();
  }
}
