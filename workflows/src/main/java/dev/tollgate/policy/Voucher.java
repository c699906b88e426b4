package dev.tollgate.policy;

/**
 * A worker's word that it authenticated the person named with an action itself (a client
 * certificate on its approval endpoint): the channel, until when the word holds, and an HMAC with
 * the deployment's approval key over the action, the model, the action's details, the name, the
 * channel and the expiry ({@link ActionSeal}). Without one, a name given with an action is a claim.
 */
public record Voucher(String channel, long expiresAtMillis, String seal) {}
