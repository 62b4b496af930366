package fr.sesame.web;

import fr.sesame.config.SesameConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Where the institution's charter ("règlement intérieur") is, for the pages that ask to accept it. */
@Named
@ApplicationScoped
public class Charter {

    @Inject
    SesameConfig config;

    /** The configured address; a path in the portal gets the application's context path. */
    public String getUrl() {
        String url = config.charterUrl();
        return url.startsWith("/")
                ? FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + url
                : url;
    }
}
