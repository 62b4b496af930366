package fr.sesame.identification;

import java.io.Serializable;

/**
 * What a person types on the identification step of a flow: how they identify, the identifier and their
 * birth date. Kept in the flow's state so a failed attempt shows the same choice again.
 */
public class IdentificationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private IdentifierKind kind = IdentifierKind.STUDENT_NUMBER;
    private boolean kindChosen;
    private String identifier;
    private String birthDate;

    public IdentifierKind getKind() {
        return kind;
    }

    /** The kind from a page's {@code by} parameter; an unknown one keeps the current kind. */
    public String getBy() {
        return kind.slug();
    }

    public void setBy(String slug) {
        IdentifierKind.fromSlug(slug).ifPresent(chosen -> {
            kind = chosen;
            kindChosen = true;
        });
    }

    /** Whether the person picked how to identify (else the page offers the choices first). */
    public boolean isKindChosen() {
        return kindChosen;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    /** Forgets what was typed (the birth date in particular) once it has served. */
    public void clearTyped() {
        identifier = null;
        birthDate = null;
    }
}
