package io.fazhi.engine.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fazhi.engine.EngineData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gazetteer's data and its lookups. */
class GazetteerTest {
    private static final Gazetteer G = new Gazetteer();

    private static int only(String name) {
        int[] places = G.named(name);
        assertEquals(1, places.length, name + " names " + places.length + " places");
        return places[0];
    }

    @Test
    void townshipsResolveToTheirCountyCityAndProvince() {
        int town = only("会城街道");
        assertEquals(Gazetteer.Kind.TOWN, G.kind(town));
        assertEquals("新会区", G.name(G.ancestor(town, Gazetteer.Kind.COUNTY)));
        assertEquals("江门市", G.name(G.ancestor(town, Gazetteer.Kind.CITY)));
        assertEquals("广东省", G.name(G.province(town)));
        // a township of a city without counties lies directly in the city
        int dongguan = only("塘厦镇");
        assertEquals("东莞市", G.name(G.parent(dongguan)));
        assertTrue(G.size() > 40_000, "places: " + G.size());
    }

    @Test
    void aMunicipalityIsOneCityPlaceAndItsOwnProvince() {
        int beijing = only("北京市");
        assertEquals(Gazetteer.Kind.CITY, G.kind(beijing));
        assertEquals("北京市", G.name(G.province(beijing)));
        assertEquals(beijing, G.ancestor(only("海淀区"), Gazetteer.Kind.CITY));
        assertEquals(beijing, only("北京"));
    }

    @Test
    void namesSharedByPlacesNameThemAll() {
        assertEquals(2, G.named("朝阳区").length);
        assertTrue(G.named("城关镇").length > 50);
    }

    @Test
    void autonomousAreasAreKnownByTheirNamesWithoutTheEthnicGroups() {
        assertEquals("楚雄彝族自治州", G.name(only("楚雄州")));
        assertEquals("楚雄彝族自治州", G.name(only("楚雄")));
        assertEquals("景东彝族自治县", G.name(only("景东县")));
        assertEquals("镇宁布依族苗族自治县", G.name(only("镇宁自治县")));
        assertEquals("双江拉祜族佤族布朗族傣族自治县", G.name(only("双江县")));
        assertEquals("莫力达瓦达斡尔族自治旗", G.name(only("莫力达瓦旗")));
        assertEquals("广西壮族自治区", G.name(only("广西")));
        // 海南州 is 海南藏族自治州; bare 海南 stays 海南省's
        assertEquals("海南藏族自治州", G.name(only("海南州")));
        assertEquals("海南省", G.name(only("海南")));
    }

    @Test
    void everyShortFormIsTheNameWithoutItsSuffixOrEthnicGroupsByRuleNotByHand() {
        List<String> wrong = new ArrayList<>();
        for (String line : EngineData.lines("gazetteer.tsv")) {
            String[] r = line.split("\t", -1);
            if (r.length < 5 || r[4].isBlank()) {
                continue;
            }
            String name = r[2];
            for (String form : r[4].split(" ")) {
                boolean prefix = name.startsWith(form) && form.length() < name.length();
                char last = form.charAt(form.length() - 1);
                String base = form.endsWith("自治" + last)
                        ? form.substring(0, form.length() - 3)
                        : form.substring(0, form.length() - 1);
                boolean autonomous = name.startsWith(base) && (name.endsWith("自治" + last) || name.endsWith("族" + last));
                if (!prefix && !autonomous) {
                    wrong.add(name + " -> " + form);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void scanFindsTheLongestNameAtEachPositionThroughTheFirstCharacterIndex() {
        String text = "江门市新会区会城街道和广东省阳江市,海陵试验区。";
        List<String> found = new ArrayList<>();
        for (Gazetteer.Mention m : G.scan(text, 0, text.length(), 20)) {
            found.add(text.substring(m.start(), m.end()));
        }
        assertEquals(List.of("江门市", "新会区", "会城街道", "广东省", "阳江市", "海陵试验区"), found);
        assertEquals(null, G.at("会城", 0));
    }

    @Test
    void zonesOfTheAliasDataLieInTheirHostCityAndDistrict() {
        int nansha = only("南沙新区");
        assertEquals(Gazetteer.Kind.ZONE, G.kind(nansha));
        assertEquals("南沙区", G.name(G.parent(nansha)));
        int torch = only("火炬开发区");
        assertEquals("中山市", G.name(G.parent(torch)));
        for (String[] z : EngineData.rows("zones.tsv", 4)) {
            int[] places = G.named(z[0]);
            boolean hosted = false;
            for (int p : places) {
                hosted |= G.kind(p) == Gazetteer.Kind.ZONE
                        && G.name(G.ancestor(p, Gazetteer.Kind.CITY)).equals(z[1]);
            }
            if (!hosted) {
                fail("zones.tsv: " + z[0] + " is not a zone of " + z[1]);
            }
        }
    }

    @Test
    void aStemFindsTheCountyOrTownshipOfItsCity() {
        int guangzhou = only("广州市");
        int[] tianhe = G.withStem("天河", Gazetteer.COUNTY_SUFFIXES, Gazetteer.Kind.COUNTY, guangzhou);
        assertEquals(1, tianhe.length);
        assertEquals("天河区", G.name(tianhe[0]));
        assertEquals(0, G.withStem("天河", Gazetteer.COUNTY_SUFFIXES, Gazetteer.Kind.COUNTY, only("江门市")).length);
    }
}
