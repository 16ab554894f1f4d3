package io.fazhi.aggregate.api;

import static io.fazhi.aggregate.support.TestEvents.section;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.support.TestEvents;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard at / in a real headless Chromium, on data fed through Kafka: indicators by their Chinese name with
 * their totals; one indicator compared across the agencies (and districts) of the city, ranked, each beside its
 * previous year, in a table and a bar chart; a click on a figure shows the sentences behind it; a label search finds
 * one-off figures. Screenshots: target/dashboard.png, dashboard-drilldown.png.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    static final String CHROMIUM = System.getProperty("fazhi.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("fazhi.chromedriver", "/usr/bin/chromedriver");
    static final String[] CITIES = {"江门市", "中山市", "阳江市", "佛山市"};
    static final String[][] DISTRICTS = {
        {"蓬江区", "新会区", "台山市"}, {"火炬开发区", "石岐街道", "东区"}, {"江城区", "海陵试验区", "阳东区"}, {"禅城区", "南海区", "顺德区"}
    };
    static final String[] AGENCIES = {"司法局", "市场监督管理局", "科学技术局", "生态环境局", "人力资源和社会保障局", "政府"};

    /** indicator, label, unit as written, rollup unit, category, sentence (%s = the surface), low, high. */
    static final String[][] TEMPLATES = {
        {"licensing_handled", "行政许可", "件", "件", "government_functions", "全年受理并办结行政许可%s，按时办结率100%%。", "20", "900"},
        {"gov_service_items", "政务服务事项", "项", "项", "government_functions", "推动%s政务服务事项实现“一网通办”。", "10", "300"},
        {"funding", "惠企扶持资金", "元", "元", "government_functions", "兑现惠企扶持资金%s。", "50", "3000"},
        {"satisfaction_rate", "群众满意率", "%", "%", "government_functions", "政务服务群众满意率达%s。", "90", "100"},
        {"normative_docs_issued", "规范性文件", "件", "件", "institutional_system", "印发%s规范性文件。", "2", "40"},
        {"legality_reviews", "合法性审查意见", "件", "件", "decision_making", "出具合法性审查意见%s。", "5", "120"},
        {"penalty_cases", "行政处罚案件", "宗", "件", "law_enforcement", "依法办理行政处罚案件%s。", "5", "400"},
        {"inspections", "执法检查", "次", "次", "law_enforcement", "开展“双随机、一公开”执法检查%s。", "10", "600"},
        {"reconsideration_cases", "行政复议案件", "件", "件", "dispute_resolution", "受理行政复议案件%s，均在法定期限内办结。", "1", "60"},
        {"mediation_cases", "矛盾纠纷", "宗", "件", "dispute_resolution", "成功调解各类矛盾纠纷%s。", "10", "500"},
        {"info_disclosed", "主动公开政府信息", "条", "条", "power_oversight", "主动公开政府信息%s。", "100", "5000"},
        {"training_sessions", "领导干部学法讲座", "场", "场次", "legal_capacity", "举办领导干部学法讲座%s。", "2", "30"},
        {"trained_people", "参训人员", "人次", "人次", "legal_capacity", "组织法治培训，参训人员达%s。", "100", "8000"},
        {null, "城市中排第", "位", "位", "legal_capacity", "法治政府建设考评在全省城市中排第%s。", "1", "21"},
    };

    @TestHTTPResource("/")
    URL root;

    ChromeDriver driver;
    Path profile;
    final String city = CITIES[0];
    final int year = 2022;
    /** 行政许可 in 江门市 2022, per agency (one report each), and in 2021. */
    final Map<String, BigDecimal> licences = new HashMap<>();

    final Map<String, BigDecimal> licencesBefore = new HashMap<>();
    final List<MetricFact> licenceFacts = new ArrayList<>();
    int reportsInSlice;

    @BeforeAll
    void feedAndStartBrowser() throws Exception {
        Random rnd = new Random(2024);
        List<SectionExtracted> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> categories = List.of(
                "government_functions",
                "institutional_system",
                "decision_making",
                "law_enforcement",
                "dispute_resolution",
                "power_oversight",
                "legal_capacity");
        for (int c = 0; c < CITIES.length; c++) {
            for (int y = 2019; y <= 2023; y++) {
                int reports = 3 + rnd.nextInt(4);
                for (int r = 0; r < reports; r++) {
                    String id = TestEvents.id();
                    ids.add(id);
                    String district = r == 0 ? null : DISTRICTS[c][(r - 1) % 3];
                    String agency = (district == null ? CITIES[c] : district) + AGENCIES[r % AGENCIES.length];
                    String published = (y + 1) + (rnd.nextInt(5) == 0 ? "-04-1" : "-03-1") + rnd.nextInt(10);
                    ReportInfo info = new ReportInfo(
                            agency,
                            CITIES[c],
                            district,
                            district == null ? "bureau" : "district",
                            y,
                            published,
                            agency + y + "年法治政府建设年度报告",
                            new ReportInfo.Compliance(true, true, rnd.nextInt(6) != 0, true, rnd.nextInt(4) != 0),
                            List.of());
                    int count = categories.size() + 1;
                    events.add(section(id, 1, "2025.1", 0, count, info, "other", List.of()));
                    for (int s = 0; s < categories.size(); s++) {
                        List<MetricFact> ms = new ArrayList<>();
                        for (String[] t : TEMPLATES) {
                            if (t[4].equals(categories.get(s))
                                    && ("licensing_handled".equals(t[0]) || rnd.nextInt(3) != 0)) {
                                ms.add(metric(t, rnd, c == 0 ? y : 0, agency));
                            }
                        }
                        events.add(section(id, 1, "2025.1", s + 1, count, info, categories.get(s), ms));
                    }
                    if (c == 0 && y == year) {
                        reportsInSlice++;
                    }
                }
            }
        }
        TestEvents.sendAll(events);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TestEvents.current(ids) == ids.size());

        assertTrue(new File(CHROMIUM).canExecute(), CHROMIUM + " missing: apt-get install chromium chromium-driver");
        profile = Files.createTempDirectory("fazhi-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--lang=zh-CN",
                "--window-size=1440,1024",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /** A metric of a template; for 江门市 ({@code knownYear} > 0) the 行政许可 figures are remembered per agency. */
    private MetricFact metric(String[] t, Random rnd, int knownYear, String agency) {
        long low = Long.parseLong(t[6]);
        long high = Long.parseLong(t[7]);
        long n = low + (long) (rnd.nextDouble() * (high - low));
        BigDecimal value = BigDecimal.valueOf(n);
        String surface = n + t[2];
        if (t[2].equals("元")) {
            surface = n + "万元";
            value = value.multiply(BigDecimal.valueOf(10_000));
        }
        String kind = t[0] == null
                ? null
                : t[2].equals("元") ? "money" : t[2].equals("%") ? "percent" : t[2].equals("人次") ? "person" : "count";
        MetricFact m = new MetricFact(value, t[2], null, t[1], t[0], kind, t[3], surface, t[5].formatted(surface), 120);
        if ("licensing_handled".equals(t[0])) {
            if (knownYear == year) {
                licences.put(agency, value);
                licenceFacts.add(m);
            } else if (knownYear == year - 1) {
                licencesBefore.put(agency, value);
            }
        }
        return m;
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /** Waits until the drawer stopped sliding (its transition done). */
    private void awaitDrawerOpen() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "none".equals(js("return getComputedStyle(document.getElementById('drill')).transform")));
    }

    private static String formatted(BigDecimal value) {
        return NumberFormat.getIntegerInstance(Locale.CHINA).format(value) + " 件";
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theDashboardComparesAgenciesOnAnIndicatorAndTracesFiguresToTheirSentences() throws Exception {
        given().get("/webjars/echarts/5.5.0/echarts.min.js").then().statusCode(200);
        driver.get(root + "?city=" + URLEncoder.encode(city, StandardCharsets.UTF_8) + "&year=" + year);
        awaitReady();
        assertEquals(true, js("return typeof echarts === 'object'"));
        assertEquals(city, driver.findElement(By.id("city")).getDomProperty("value"));
        assertEquals(
                String.valueOf(reportsInSlice),
                driver.findElement(By.id("kpi-reports")).getText());

        // indicators by their Chinese name, with their totals
        BigDecimal total = licences.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        WebElement row = driver.findElement(By.cssSelector("#indicators tr[data-indicator='licensing_handled']"));
        assertTrue(row.getText().startsWith("行政许可办件"), row.getText());
        assertEquals(
                formatted(total), row.findElement(By.cssSelector("td.total")).getText());
        assertTrue(driver.findElement(By.cssSelector("#indicators tr[data-indicator='training_sessions']"))
                .getText()
                .startsWith("法治培训（场次）"));

        // one indicator across the agencies of the city, ranked, beside the previous year
        row.findElement(By.cssSelector("td .metric")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        driver.findElement(By.id("compare-title")).getText().startsWith("行政许可办件"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> driver.findElements(By.cssSelector("#comparison tbody tr[data-index]"))
                                .size()
                        == licences.size());
        List<Map.Entry<String, BigDecimal>> ranked = licences.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .toList();
        List<WebElement> rows = driver.findElements(By.cssSelector("#comparison tbody tr[data-index]"));
        for (int i = 0; i < ranked.size(); i++) {
            String agency = ranked.get(i).getKey();
            assertEquals(
                    agency, rows.get(i).findElement(By.cssSelector("td.name")).getText());
            assertEquals(
                    formatted(ranked.get(i).getValue()),
                    rows.get(i).findElement(By.cssSelector("td.current")).getText());
            BigDecimal before = licencesBefore.get(agency);
            assertEquals(
                    before == null ? "–" : formatted(before),
                    rows.get(i).findElement(By.cssSelector("td.previous")).getText(),
                    agency + " in " + (year - 1));
        }
        assertTrue(driver.findElements(By.cssSelector("#chart-compare canvas")).size() > 0, "comparison chart");
        assertTrue(driver.findElements(By.cssSelector("#chart-cities canvas")).size() > 0, "cities chart");
        assertTrue(driver.findElements(By.cssSelector("#chart-trend canvas")).size() > 0, "trend chart");

        // the whole page in one picture: the window as tall as the page, once the charts follow the resize
        long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight)");
        Dimension laptop = driver.manage().window().getSize();
        int viewport = ((Number) js("return window.innerHeight")).intValue();
        driver.manage()
                .window()
                .setSize(new Dimension(laptop.getWidth(), (int) height + laptop.getHeight() - viewport));
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> Boolean.TRUE.equals(
                                js(
                                        "const c = document.querySelector('#chart-compare canvas');"
                                                + " return Math.abs(c.getBoundingClientRect().width - c.parentElement.parentElement.clientWidth) < 2")));
        screenshot("dashboard.png");
        driver.manage().window().setSize(laptop);

        // a figure shows the sentences behind it, largest first
        row.findElement(By.cssSelector("td.total")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> driver.findElements(By.cssSelector("#drill .fact")).size() == licenceFacts.size());
        MetricFact largest = licenceFacts.stream()
                .max(Comparator.comparing(MetricFact::value))
                .orElseThrow();
        WebElement first = driver.findElements(By.cssSelector("#drill .fact")).get(0);
        assertEquals(
                largest.sentence(),
                first.findElement(By.cssSelector(".sentence")).getText());
        assertEquals(
                largest.surface(),
                first.findElement(By.cssSelector(".sentence mark")).getText());
        assertTrue(
                driver.findElement(By.id("drill-subtitle")).getText().contains("合计 " + formatted(total)),
                driver.findElement(By.id("drill-subtitle")).getText());
        awaitDrawerOpen();
        screenshot("dashboard-drilldown.png");
        driver.findElement(By.id("drill-close")).click();

        // one agency's figure: its own sentences
        String top = ranked.get(0).getKey();
        driver.findElements(By.cssSelector("#comparison tbody tr[data-index]"))
                .get(0)
                .click();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        driver.findElement(By.id("drill-subtitle")).getText().contains(top + " · 1 条来源"));
        assertEquals(
                top,
                driver.findElement(By.cssSelector("#drill .fact .fact-agency"))
                        .getText()
                        .split(" · ")[0]);
        driver.findElement(By.id("drill-close")).click();

        // per district: the districts, and the city's own bureaus
        driver.findElement(By.id("by-district")).click();
        awaitReady();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        driver.findElement(By.id("comparison-name")).getText().equals("区县"));
        List<String> names = driver.findElements(By.cssSelector("#comparison tbody td.name")).stream()
                .map(WebElement::getText)
                .toList();
        assertTrue(
                names.contains("市直单位") && names.stream().anyMatch(List.of(DISTRICTS[0])::contains), names.toString());

        // a one-off figure without an indicator is found by its label
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("排第");
        search.sendKeys(org.openqa.selenium.Keys.ENTER);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !driver.findElements(By.cssSelector("#drill .fact")).isEmpty());
        assertTrue(driver.findElement(By.cssSelector("#drill .fact .fact-meta"))
                .getText()
                .contains("未归入指标"));
        driver.findElement(By.id("drill-close")).click();

        // the exports are links the browser downloads
        String csv = driver.findElement(By.id("csv-link")).getDomAttribute("href");
        assertTrue(csv.contains("format=csv") && csv.contains("headers=zh"), csv);
        given().get(csv)
                .then()
                .statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"));

        // another city from the selector
        js(
                "const s = document.getElementById('city'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));",
                CITIES[1]);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> driver.getCurrentUrl().contains(URLEncoder.encode(CITIES[1], StandardCharsets.UTF_8)));
    }
}
