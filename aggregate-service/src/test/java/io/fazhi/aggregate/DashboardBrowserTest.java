package io.fazhi.aggregate;

import static io.fazhi.aggregate.TestEvents.section;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.infra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
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
 * The dashboard at / in a real headless Chromium, on data fed through Kafka: it shows the total of a known metric
 * and, on a click, the sentences behind it. Screenshots: target/dashboard.png and target/dashboard-drilldown.png.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    static final String CHROMIUM = System.getProperty("fazhi.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("fazhi.chromedriver", "/usr/bin/chromedriver");
    static final String[] CITIES = {"江门市", "中山市", "阳江市", "佛山市"};
    static final String[][] DISTRICTS = {
        {"蓬江区", "新会区", "台山市"}, {"火炬开发区", "石岐街道", "东区"}, {"江城区", "海陵试验区", "阳东区"}, {"禅城区", "南海区", "顺德区"}
    };
    static final String[] AGENCIES = {"司法局", "市场监督管理局", "科学技术局", "生态环境局", "人力资源和社会保障局", "政府"};

    /** key, label, unit, category, sentence (%s = the surface), low, high. */
    static final String[][] TEMPLATES = {
        {"admin_licensing", "行政许可事项", "件", "government_functions", "全年受理并办结行政许可事项%s，按时办结率100%%。", "20", "900"},
        {"gov_service_items", "政务服务事项", "项", "government_functions", "推动%s政务服务事项实现“一网通办”。", "10", "300"},
        {"funding", "惠企扶持资金", "元", "government_functions", "兑现惠企扶持资金%s。", "50", "3000"},
        {"satisfaction_rate", "群众满意率", "%", "government_functions", "政务服务群众满意率达%s。", "90", "100"},
        {"normative_documents", "规范性文件", "件", "institutional_system", "对%s规范性文件开展合法性审核。", "2", "40"},
        {"legality_reviews", "合法性审查意见", "件", "decision_making", "出具合法性审查意见%s。", "5", "120"},
        {"admin_penalties", "行政处罚案件", "宗", "law_enforcement", "依法办理行政处罚案件%s。", "5", "400"},
        {"inspections", "执法检查", "次", "law_enforcement", "开展“双随机、一公开”执法检查%s。", "10", "600"},
        {"reconsideration_cases", "行政复议案件", "件", "dispute_resolution", "受理行政复议案件%s，均在法定期限内办结。", "1", "60"},
        {"mediation_cases", "矛盾纠纷调解", "宗", "dispute_resolution", "成功调解各类矛盾纠纷%s。", "10", "500"},
        {"info_disclosure_items", "主动公开政府信息", "条", "power_oversight", "主动公开政府信息%s。", "100", "5000"},
        {"training_sessions", "领导干部学法讲座", "场", "legal_capacity", "举办领导干部学法讲座%s。", "2", "30"},
        {"training_participants", "参训人员", "人次", "legal_capacity", "组织法治培训，参训人员达%s。", "100", "8000"},
    };

    @TestHTTPResource("/")
    URL root;

    ChromeDriver driver;
    Path profile;
    final String city = CITIES[0];
    final int year = 2022;
    final List<MetricFact> licences = new ArrayList<>();
    int reportsInSlice;

    @BeforeAll
    void feedAndStartBrowser() throws Exception {
        Random rnd = new Random(2024);
        List<SectionExtracted> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < CITIES.length; c++) {
            for (int y = 2019; y <= 2023; y++) {
                int reports = 3 + rnd.nextInt(4);
                for (int r = 0; r < reports; r++) {
                    String id = UUID.randomUUID().toString();
                    ids.add(id);
                    String district = r == 0 ? null : DISTRICTS[c][rnd.nextInt(3)];
                    String agency = (district == null ? CITIES[c] : district) + AGENCIES[r % AGENCIES.length];
                    boolean other = rnd.nextInt(4) != 0;
                    String published = (y + 1) + (rnd.nextInt(5) == 0 ? "-04-1" : "-03-1") + rnd.nextInt(10);
                    ReportInfo info = new ReportInfo(
                            agency,
                            CITIES[c],
                            district,
                            district == null ? "bureau" : "district",
                            y,
                            published,
                            agency + y + "年法治政府建设年度报告",
                            new ReportInfo.Compliance(true, true, rnd.nextInt(6) != 0, true, other),
                            List.of());
                    List<List<MetricFact>> bySection = new ArrayList<>();
                    List<String> categories = List.of(
                            "government_functions",
                            "institutional_system",
                            "decision_making",
                            "law_enforcement",
                            "dispute_resolution",
                            "power_oversight",
                            "legal_capacity");
                    for (String cat : categories) {
                        List<MetricFact> ms = new ArrayList<>();
                        for (String[] t : TEMPLATES) {
                            if (t[3].equals(cat) && (t[0].equals("admin_licensing") || rnd.nextInt(3) != 0)) {
                                ms.add(metric(t, rnd, c == 0 && y == year));
                            }
                        }
                        bySection.add(ms);
                    }
                    int count = categories.size() + 1;
                    events.add(section(id, 1, "2025.1", 0, count, info, "other", List.of()));
                    for (int s = 0; s < categories.size(); s++) {
                        events.add(section(id, 1, "2025.1", s + 1, count, info, categories.get(s), bySection.get(s)));
                    }
                    if (c == 0 && y == year) {
                        reportsInSlice++;
                    }
                }
            }
        }
        TestEvents.sendAll(events);
        String in = String.join("','", ids);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertEquals(
                        ids.size(),
                        TestEvents.count("SELECT count(*) FROM report WHERE report_id IN ('" + in
                                + "') AND current_revision IS NOT NULL")));

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

    private MetricFact metric(String[] t, Random rnd, boolean known) {
        long low = Long.parseLong(t[5]);
        long high = Long.parseLong(t[6]);
        long n = low + (long) (rnd.nextDouble() * (high - low));
        BigDecimal value = BigDecimal.valueOf(n);
        String surface = n + t[2];
        if (t[2].equals("元")) {
            surface = n + "万元";
            value = value.multiply(BigDecimal.valueOf(10_000));
        }
        MetricFact m = new MetricFact(value, t[2], null, t[1], t[0], null, t[2], surface, t[4].formatted(surface), 120);
        if (known && t[0].equals("admin_licensing")) {
            licences.add(m);
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

    private int viewportHeight() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerHeight")).intValue();
    }

    @Test
    void theDashboardShowsTotalsAndTracesThemToTheirSentences() throws Exception {
        // ECharts is served from the webjar on the classpath, not from a CDN
        given().get("/webjars/echarts/5.5.0/echarts.min.js").then().statusCode(200);

        driver.get(root + "?city=" + java.net.URLEncoder.encode(city, "UTF-8") + "&year=" + year);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertEquals(true, ((JavascriptExecutor) driver).executeScript("return typeof echarts === 'object'"));
        assertEquals(city, driver.findElement(By.id("city")).getDomProperty("value"));
        assertEquals(
                String.valueOf(reportsInSlice),
                driver.findElement(By.id("kpi-reports")).getText());
        assertTrue(
                driver.findElements(By.cssSelector("#chart-categories canvas")).size() > 0, "category chart");
        assertTrue(driver.findElements(By.cssSelector("#chart-compare canvas")).size() > 0, "comparison chart");
        assertTrue(driver.findElements(By.cssSelector("#chart-trend canvas")).size() > 0, "trend chart");

        // the known metric: 行政许可 in 江门市 2022, one figure per report
        BigDecimal total = licences.stream().map(MetricFact::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        String shown = NumberFormat.getIntegerInstance(Locale.CHINA).format(total) + " 件";
        WebElement row = driver.findElement(By.cssSelector("#top-metrics tr[data-metric-key='admin_licensing']"));
        assertTrue(row.getText().startsWith("行政许可"), row.getText());
        assertEquals(shown, row.findElement(By.cssSelector("td.total")).getText());
        Files.createDirectories(Path.of("target"));
        // the whole page in one picture: the window as tall as the page
        long height = (Long)
                ((JavascriptExecutor) driver).executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        Dimension laptop = driver.manage().window().getSize();
        driver.manage()
                .window()
                .setSize(new Dimension(laptop.getWidth(), (int) height + laptop.getHeight() - viewportHeight()));
        Thread.sleep(300); // charts follow the resize
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "dashboard.png"),
                StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(laptop);

        // a click shows the sentences behind the figure, largest first
        row.click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> driver.findElements(By.cssSelector("#drill .fact")).size() == licences.size());
        MetricFact largest =
                licences.stream().max(Comparator.comparing(MetricFact::value)).orElseThrow();
        WebElement first = driver.findElements(By.cssSelector("#drill .fact")).get(0);
        assertEquals(
                largest.sentence(),
                first.findElement(By.cssSelector(".sentence")).getText());
        assertEquals(
                largest.surface(),
                first.findElement(By.cssSelector(".sentence mark")).getText());
        assertTrue(
                driver.findElement(By.id("drill-subtitle")).getText().contains("合计 " + shown),
                driver.findElement(By.id("drill-subtitle")).getText());
        Thread.sleep(300); // the drawer slides in
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "dashboard-drilldown.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // another city from the selector
        driver.findElement(By.id("drill-close")).click();
        ((JavascriptExecutor) driver)
                .executeScript(
                        "const s = document.getElementById('city'); s.value = arguments[0];"
                                + "s.dispatchEvent(new Event('change'));",
                        CITIES[1]);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> driver.getCurrentUrl().contains(java.net.URLEncoder.encode(CITIES[1], "UTF-8")));
    }
}
