package dev.tollgate.worker.approvals;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The approver a client certificate names: the one CN of its subject. A subject with no CN, or with
 * more than one (two RDNs, or a multi-valued RDN such as {@code CN=alice+CN=bob}), names nobody:
 * which CN counts would depend on the order a parser walks the RDNs in (the endpoint once took the
 * most significant one, so {@code CN=mallory,O=Acme,CN=alice} approved as alice). The CN may sit in
 * any RDN ({@code EMAILADDRESS=a@x,CN=alice,O=Acme} is alice), as long as it is the only one; it is
 * parsed with {@link LdapName}, so escaped commas and plus signs stay in the value.
 */
final class CertificateNames {
  /** A subject that names no single approver; the message says why, for the 403. */
  static final class NoApprover extends Exception {
    NoApprover(String message) {
      super(message);
    }
  }

  private CertificateNames() {}

  static String approver(X509Certificate certificate) throws NoApprover {
    List<Object> names = new ArrayList<>();
    try {
      LdapName subject =
          new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
      for (Rdn rdn : subject.getRdns()) {
        NamingEnumeration<? extends Attribute> attributes = rdn.toAttributes().getAll();
        while (attributes.hasMore()) {
          Attribute attribute = attributes.next();
          if (!isCommonName(attribute.getID())) continue;
          for (int i = 0; i < attribute.size(); i++) names.add(attribute.get(i));
        }
      }
    } catch (InvalidNameException e) {
      throw new NoApprover("the client certificate's subject cannot be parsed");
    } catch (NamingException e) {
      throw new NoApprover("the client certificate's subject cannot be read");
    }
    if (names.size() != 1) {
      throw new NoApprover(
          "the client certificate must name exactly one CN, and names " + names.size());
    }
    if (!(names.getFirst() instanceof String cn) || cn.isBlank()) {
      throw new NoApprover("the client certificate's CN is not a name");
    }
    return cn;
  }

  /** RFC 2253 writes CN as a keyword; the OID form is accepted in case a provider does not. */
  private static boolean isCommonName(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    return t.equals("CN") || t.equals("2.5.4.3") || t.equals("OID.2.5.4.3");
  }
}
