package fr.sesame.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Jakarta Security's view of the directory: validates a login and password through {@link SigninService}
 * and gives the caller their roles as groups. The detailed result (locked, throttled) is left on the
 * request for the sign-in page to explain.
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    /** Request attribute holding the {@link SigninResult} of the attempt. */
    public static final String RESULT = DirectoryIdentityStore.class.getName() + ".result";

    @Inject
    SigninService signin;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential typed)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        SigninResult result = signin.signIn(typed.getCaller(), typed.getPasswordAsString(), request.getRemoteAddr());
        request.setAttribute(RESULT, result);
        if (result instanceof SigninResult.SignedIn signedIn) {
            return new CredentialValidationResult(signedIn.login(), signedIn.roles());
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
