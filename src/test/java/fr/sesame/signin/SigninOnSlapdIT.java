package fr.sesame.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import fr.sesame.audit.AuditTrail;
import fr.sesame.directory.GroupDirectory;
import fr.sesame.password.TemporaryPasswords;
import fr.sesame.security.Throttles;
import fr.sesame.support.FlowServices;
import fr.sesame.support.Slapd;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in decisions against a real OpenLDAP: the password checked by slapd, roles from its groups. */
class SigninOnSlapdIT {

    private Slapd slapd;
    private FlowServices services;
    private SigninService signin;

    @BeforeEach
    void start() {
        slapd = Slapd.start();
        services = new FlowServices(slapd.serviceSettings());
        signin = new SigninService(services.people, new GroupDirectory(services.connections),
                new Throttles(services.people, services.config), new AuditTrail(services.people),
                new TemporaryPasswords(services.config), services.config);
    }

    @AfterEach
    void stop() {
        services.close();
        slapd.close();
    }

    @Test
    void aMemberOfTheHelpdeskGroupsGetsTheHelpdeskRoles() {
        SigninResult result = signin.signIn("hugo.support", "Rentree-2026!", "192.0.2.30");

        SigninResult.SignedIn signedIn = assertInstanceOf(SigninResult.SignedIn.class, result);
        assertEquals(Set.of("user", "helpdesk", "helpdesk-admin"), signedIn.roles());
        assertEquals("uid=10000006,ou=people,dc=univ-demo,dc=fr", signedIn.dn());
    }

    @Test
    void anyoneElseIsOnlyAUser() {
        SigninResult.SignedIn signedIn = assertInstanceOf(SigninResult.SignedIn.class,
                signin.signIn("chloe.durand", "Rentree-2026!", "192.0.2.30"));

        assertEquals(Set.of("user"), signedIn.roles());
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginAreRefusedAlike() {
        assertInstanceOf(SigninResult.Refused.class, signin.signIn("chloe.durand", "Pas-le-bon-2026!", "192.0.2.30"));
        assertInstanceOf(SigninResult.Refused.class, signin.signIn("personne.inconnue", "Rentree-2026!", "192.0.2.30"));
        assertInstanceOf(SigninResult.Refused.class, signin.signIn("chloe.durand", "", "192.0.2.30"));
    }
}
