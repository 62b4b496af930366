package fr.sesame.helprequest;

import fr.sesame.helprequest.HelpRequestService.Submission;
import fr.sesame.helprequest.HelpRequestService.Submitted;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Requests;
import fr.sesame.web.Times;
import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * "Problème de connexion ?" (seed 003): someone who cannot sign in leaves their name, a contact address and what
 * is wrong, for the helpdesk. The form carries a signed display time and a honeypot field ({@link BotCheck}).
 */
@Named
@ViewScoped
public class HelpRequestForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HelpRequestService service;

    private String name;
    private String contact;
    private String description;
    private String website;
    private String formToken;
    private boolean answered;

    @PostConstruct
    void show() {
        formToken = service.formToken();
    }

    public void send() {
        Submitted outcome = service.submit(new Submission(name, contact, description, website, formToken),
                FacesContext.getCurrentInstance().getViewRoot().getLocale(), Requests.clientAddress());
        if (outcome instanceof Submitted.NotAnEmail) {
            markInvalid("request:contact");
            PageMessages.errorFor("request:contact", "help.request.contact.notAnEmail");
        } else if (outcome instanceof Submitted.Incomplete) {
            PageMessages.error("help.request.incomplete");
        } else if (outcome instanceof Submitted.ClientBlocked blocked) {
            PageMessages.error("help.request.clientBlocked", Times.clock(blocked.until()));
        } else {
            // The same answer whether the request was stored or dropped as a robot's.
            name = null;
            contact = null;
            description = null;
            answered = true;
        }
    }

    /** So that the field says it is invalid (aria-invalid, error style) along with its message. */
    private static void markInvalid(String clientId) {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId) instanceof UIInput input) {
            input.setValid(false);
        }
    }

    public int getMaxNameLength() {
        return HelpRequestService.MAX_NAME_LENGTH;
    }

    public int getMaxDescriptionLength() {
        return HelpRequestService.MAX_DESCRIPTION_LENGTH;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** The honeypot: people never see this field; robots that fill every field do. */
    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getFormToken() {
        return formToken;
    }

    public void setFormToken(String formToken) {
        this.formToken = formToken;
    }

    public boolean isAnswered() {
        return answered;
    }
}
