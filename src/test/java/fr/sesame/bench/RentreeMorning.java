package fr.sesame.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import fr.sesame.support.Inbox;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rentrée morning on the portal (issue 7): virtual users each run one whole flow, like a browser, with the
 * real Faces view state and form fields of the pages: forgotten password by joker question, activation,
 * reset by emailed link (the link read from the SMTP sink), forgotten login, and a helpdesk agent's name
 * searches. Closed model: a warm-up, then each level of {@code bench.levels} concurrent users for
 * {@code bench.level-seconds}, one after the other. Each flow works on people no other virtual user touches.
 *
 * <p>Gatling measures each step (request names) inside two groups, the level ({@code u50}) and the flow; the
 * portal's CPU and memory per level and the start-up time are written by {@link #after()} to
 * {@code target/bench/<directory>/portal.properties}; {@link BenchmarkReport} prints the table from both. On an
 * OpenLDAP pair ({@code bench.directory=slapd-pair}), {@link Failover} kills provider 1 half-way through the level
 * and checks the flows and the entries afterwards.
 */
public class RentreeMorning extends Simulation {

    static final String NEW_PASSWORD_PREFIX = "Soleil-Rentree-";
    private static final Pattern RESET_LINK = Pattern.compile("https?://\\S+/recovery/reset\\.xhtml\\?u=[^\\s&]+&t=[^\\s<\"]+");
    private static final String VIEW_STATE = "jakarta.faces.ViewState";
    private static final String NONCE = "primefaces.nonce";
    private static final String AGENT_LOGIN = "hugo.support";
    private static final String AGENT_PASSWORD = "Rentree-2026!";
    static final String JOKER_ANSWER = "Grenoble";
    /** The mailbox is looked into every 50 ms, for 30 s at most. */
    private static final int MAIL_TRIES = 600;

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final int httpPort = PortalUnderLoad.freePort();
    private final BenchPeople people = BenchPeople.read(settings.people());
    private final LevelRecords records = new LevelRecords();
    private final Iterator<Map<String, Object>> jokerPeople = people.joker().iterator();
    private final Iterator<Map<String, Object>> linkPeople = people.emailLink().iterator();
    private final Iterator<Map<String, Object>> loginPeople = people.forgottenLogin().iterator();
    private final Iterator<Map<String, Object>> newcomers = people.activation().iterator();
    private final Iterator<Map<String, Object>> searches = circular(people.searches());
    private volatile PortalUnderLoad portal;
    /** Only for {@code bench.directory=slapd-pair}. */
    private volatile Failover failover;

    {
        HttpProtocolBuilder protocol = http.baseUrl("http://localhost:" + httpPort)
                .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("fr-FR,fr;q=0.9,en;q=0.5")
                .userAgentHeader("Sesame-benchmark (Gatling)");
        List<String> levels = new ArrayList<>();
        if (settings.warmupSeconds() > 0) {
            levels.add(LevelRecords.WARMUP);
        }
        settings.levels().forEach(users -> levels.add("u" + users));
        PopulationBuilder chain = null;
        for (int i = levels.size() - 1; i >= 0; i--) {
            String level = levels.get(i);
            int users = level.equals(LevelRecords.WARMUP) ? 10 : Integer.parseInt(level.substring(1));
            int seconds = level.equals(LevelRecords.WARMUP) ? settings.warmupSeconds() : settings.levelSeconds();
            PopulationBuilder population = scenario(level).exec(mix(level))
                    .injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(seconds)));
            chain = chain == null ? population : population.andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    @Override
    public void before() {
        portal = PortalUnderLoad.start(settings, httpPort);
        if (settings.pair()) {
            failover = new Failover(portal.pair(), Duration.ofSeconds(settings.levelSeconds()).dividedBy(2));
        }
    }

    @Override
    public void after() {
        try {
            records.write(settings, portal);
            if (failover != null) {
                failover.report(settings);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the portal's figures", e);
        } finally {
            portal.close();
        }
    }

    private ChainBuilder mix(String level) {
        return randomSwitch().on(
                percent(Flow.JOKER.percent()).then(flow(level, Flow.JOKER, jokerPeople, jokerRecovery())),
                percent(Flow.ACTIVATION.percent()).then(flow(level, Flow.ACTIVATION, newcomers, activation())),
                percent(Flow.EMAIL_LINK.percent()).then(flow(level, Flow.EMAIL_LINK, linkPeople, emailLink())),
                percent(Flow.FORGOTTEN_LOGIN.percent()).then(flow(level, Flow.FORGOTTEN_LOGIN, loginPeople, forgottenLogin())),
                percent(Flow.HELPDESK_SEARCH.percent()).then(flow(level, Flow.HELPDESK_SEARCH, searches, helpdeskSearch())));
    }

    private ChainBuilder flow(String level, Flow flow, Iterator<Map<String, Object>> feeder, ChainBuilder steps) {
        return feed(synchronizedIterator(feeder))
                .exec(session -> {
                    records.started(level);
                    if (failover != null) {
                        failover.flowStarted(level);
                    }
                    return session.set("level", level).set("flow", flow.key()).set("flowStart", System.nanoTime())
                            .set("newPassword", NEW_PASSWORD_PREFIX + session.userId() + "!x");
                })
                .group(level).on(group(flow.key()).on(exitBlockOnFail().on(steps)))
                .exec(session -> {
                    records.ended(level, flow, !session.isFailed(), session.getString("step"));
                    if (failover != null) {
                        failover.flowEnded(flow, session.contains("dn") ? session.getString("dn") : null,
                                session.getString("newPassword"), session.getLong("flowStart"),
                                session.getLong("stepStart"), !session.isFailed());
                    }
                    return session.markAsSucceeded();
                });
    }

    // ------------------------------------------------------------------------------------------------ flows

    private ChainBuilder jokerRecovery() {
        return timed("open", open("open", "/recovery/password.xhtml?by=#{by}", "identify"))
                .exec(timed("identify", identify("identify", "joker")))
                .exec(timed("answer", submit("answer", "joker", "password").formParam("joker:answer", JOKER_ANSWER)))
                .exec(timed("password", newPassword("password")));
    }

    private ChainBuilder activation() {
        return timed("open", open("open", "/activation/wizard.xhtml?by=#{by}", "identify"))
                .exec(timed("identify", identify("identify", "joker")))
                .exec(timed("joker", submit("joker", "joker", "sms")
                        .formParam("joker:question", "joker.question.3")
                        .formParam("joker:ownQuestion", "")
                        .formParam("joker:answer", JOKER_ANSWER)))
                .exec(timed("sms", submit("sms", "sms", "consents").formParam("sms:alerts", "false").formParam("sms:mobile", "")))
                .exec(timed("consents", submit("consents", "consents", "password")
                        .formParam("consents:photo", "false")
                        .formParam("consents:directory", "true")))
                .exec(timed("password", newPassword("password")));
    }

    private ChainBuilder emailLink() {
        return timed("open", open("open", "/recovery/reset-request.xhtml", "request"))
                .exec(timed("request", post("request", "request")
                        .formParam("request:identifier", "#{login}")
                        .check(status().is(200), css("#answer").exists())))
                .exec(session -> session.set("tries", 0).set("step", "mail").set("stepStart", System.nanoTime()))
                .asLongAs(session -> !session.contains("link") && session.getInt("tries") < MAIL_TRIES).on(
                        pause(Duration.ofMillis(50)).exec(this::lookForLink))
                .exec(session -> {
                    if (!session.contains("link")) {
                        return session.markAsFailed();
                    }
                    records.step(session.getString("level"), session.getString("flow"), "mail",
                            (System.nanoTime() - session.getLong("stepStart")) / 1_000_000L);
                    return session;
                })
                .exec(timed("open-link", open("open-link", "#{link}", "password")))
                .exec(timed("password", newPassword("password")));
    }

    private ChainBuilder forgottenLogin() {
        return timed("open", open("open", "/recovery/login.xhtml?by=#{by}", "identify"))
                .exec(timed("identify", post("identify", "identify")
                        .formParam("identify:identifier", "#{identifier}")
                        .formParam("identify:birthDate", "#{birthDate}")
                        .check(status().is(200), css("#found-login").is(session -> session.getString("login")))));
    }

    private ChainBuilder helpdeskSearch() {
        return timed("open", open("open", "/signin/index.xhtml?next=/helpdesk/index.xhtml", "signin"))
                .exec(timed("sign-in", post("sign-in", "signin")
                        .formParam("signin:login", AGENT_LOGIN)
                        .formParam("signin:password", AGENT_PASSWORD)
                        .check(status().is(200), css("form#search").exists())))
                .exec(timed("search-name", search("search-name", "#{nameQuery}")))
                .exec(timed("search-given-name", search("search-given-name", "#{givenQuery}")))
                .exec(timed("search-login", search("search-login", "#{loginQuery}")));
    }

    /**
     * The request, timed as a person waits for the page: from sending it to the last byte of the page shown,
     * redirects included (a post answered by a redirect and its page is one step).
     */
    private ChainBuilder timed(String step, HttpRequestActionBuilder request) {
        return exec(session -> session.set("step", step).set("stepStart", System.nanoTime()))
                .exec(request)
                .exec(session -> {
                    if (!session.isFailed()) {
                        records.step(session.getString("level"), session.getString("flow"), step,
                                (System.nanoTime() - session.getLong("stepStart")) / 1_000_000L);
                    }
                    return session;
                });
    }

    // ------------------------------------------------------------------------------------------------ steps

    /** A page with a Faces form: its action and view state are kept for the next submit. */
    private static HttpRequestActionBuilder open(String name, String url, String formId) {
        return http(name).get(url).check(status().is(200), formOf(formId).saveAs("action"),
                css("input[name='" + VIEW_STATE + "']", "value").saveAs("viewState"), nonce());
    }

    /** PrimeFaces' CSP nonce of the page, which its script adds to every form it posts (primefaces.nonce). */
    private static io.gatling.javaapi.core.CheckBuilder.Final nonce() {
        return css("script[nonce]", "nonce").find().saveAs("nonce");
    }

    /** A form post as the page's script sends it: the form's marker, view state and CSP nonce. */
    private static HttpRequestActionBuilder post(String name, String formId) {
        return http(name).post("#{action}")
                .formParam(formId, formId)
                .formParam(formId + ":submit", "")
                .formParam(VIEW_STATE, "#{viewState}")
                .formParam(NONCE, "#{nonce}");
    }

    private static io.gatling.javaapi.core.CheckBuilder.Final formOf(String formId) {
        return css("form#" + formId, "action").find();
    }

    /** Posts the form {@code formId} as its submit button does; the answer must show the form {@code nextFormId}. */
    private static HttpRequestActionBuilder submit(String name, String formId, String nextFormId) {
        return post(name, formId)
                .check(status().is(200), formOf(nextFormId).saveAs("action"),
                        css("input[name='" + VIEW_STATE + "']", "value").saveAs("viewState"), nonce());
    }

    private static HttpRequestActionBuilder identify(String name, String nextFormId) {
        return submit(name, "identify", nextFormId)
                .formParam("identify:identifier", "#{identifier}")
                .formParam("identify:birthDate", "#{birthDate}");
    }

    /** The new-password step every password flow ends with; the answer is the summary. */
    private static HttpRequestActionBuilder newPassword(String name) {
        return post(name, "password")
                .formParam("password:password:password", "#{newPassword}")
                .formParam("password:password:confirmation", "#{newPassword}")
                .formParam("password:charter", "on")
                .check(status().is(200), css(".summary").exists());
    }

    private static HttpRequestActionBuilder search(String name, String query) {
        return http(name).get("/helpdesk/index.xhtml").queryParam("q", query)
                .check(status().is(200), css("#results-count").exists());
    }

    /** Reads the person's mailbox in the SMTP sink (without blocking: Gatling polls again after a pause). */
    private Session lookForLink(Session session) {
        Session next = session.set("tries", session.getInt("tries") + 1);
        GreenMailUser user = portal.mail().getUserManager().getUserByEmail(session.getString("email"));
        if (user == null) {
            return next;
        }
        try {
            for (StoredMessage message : portal.mail().getManagers().getImapHostManager().getInbox(user).getMessages()) {
                Matcher link = RESET_LINK.matcher(Inbox.text(message.getMimeMessage()));
                if (link.find()) {
                    return next.set("link", link.group());
                }
            }
        } catch (FolderException e) {
            return next;
        }
        return next;
    }

    // ------------------------------------------------------------------------------------------------ feeders

    private static Iterator<Map<String, Object>> synchronizedIterator(Iterator<Map<String, Object>> people) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                synchronized (people) {
                    return people.hasNext();
                }
            }

            @Override
            public Map<String, Object> next() {
                synchronized (people) {
                    if (!people.hasNext()) {
                        throw new NoSuchElementException("Not enough generated people for this run: generate more");
                    }
                    return people.next();
                }
            }
        };
    }

    private static Iterator<Map<String, Object>> circular(List<Map<String, Object>> records) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return !records.isEmpty();
            }

            @Override
            public synchronized Map<String, Object> next() {
                return records.get(next++ % records.size());
            }
        };
    }
}
