package fr.sesame.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * Tells the layout which menu item is the page being shown, so that item carries
 * {@code aria-current="page"} and screen-reader users hear where they are. The section is the first
 * folder of the view ({@code /activation/…} is "activation"); views at the root are "home".
 */
@Named
@RequestScoped
public class Navigation {

    private static final String HOME = "home";
    private static final String NONE = "";

    /** The menu section of the current view, or an empty string for pages outside the menu (errors). */
    public String getSection() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context == null || context.getViewRoot() == null || context.getViewRoot().getViewId() == null) {
            return NONE;
        }
        String viewId = context.getViewRoot().getViewId();
        if (viewId.startsWith("/WEB-INF/")) {
            return NONE;
        }
        int folderEnd = viewId.indexOf('/', 1);
        return folderEnd < 0 ? HOME : viewId.substring(1, folderEnd);
    }

    /** {@code "page"} for the menu item of the current section, otherwise {@code null} (no attribute). */
    public String ariaCurrent(String section) {
        return getSection().equals(section) ? "page" : null;
    }
}
