package ca.isp.billing.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where Northern Lights Internet's customers live: real cities with their postal code prefixes,
 * telephone area codes, streets and the network equipment that serves them.
 */
final class DemoPlaces {

    /**
     * A city the ISP serves. postalPrefixes are Canadian forward sortation areas (H2X) or full
     * US ZIP codes (05401); share is the percentage of accounts billed there.
     */
    record City(String name, String region, String country, String county, double share,
                List<String> postalPrefixes, List<String> areaCodes, List<String> streets,
                List<String> radiusSources, String voiceSource) {

        boolean canadian() {
            return "CA".equals(country);
        }

        /** Quebec addresses are written the French way: "1234, rue Saint-Denis". */
        boolean frenchAddress() {
            return "QC".equals(region);
        }
    }

    private static final List<String> MTL_RADIUS = List.of("radius-mtl-1", "radius-mtl-2");
    private static final List<String> QC_RADIUS = List.of("radius-qc-1");
    private static final List<String> OTT_RADIUS = List.of("radius-ott-1");
    private static final List<String> TOR_RADIUS = List.of("radius-tor-1");
    private static final List<String> VAN_RADIUS = List.of("radius-van-1");
    private static final List<String> US_RADIUS = List.of("radius-btv-1");

    /** Home cities; the shares add up to 100: QC 45, ON 25, BC 15, US 15. */
    static final List<City> CITIES = List.of(
            new City("Montréal", "QC", "CA", "", 18.0,
                    List.of("H2X", "H2J", "H2T", "H2L", "H3A", "H3B", "H1V", "H4A", "H2S", "H2G"),
                    List.of("514", "438"),
                    List.of("rue Saint-Denis", "boulevard Saint-Laurent", "rue Sherbrooke Est",
                            "avenue du Mont-Royal Est", "rue Sainte-Catherine Ouest", "rue Ontario Est",
                            "avenue Papineau", "rue Beaubien Est", "rue Jean-Talon Est", "avenue de l'Esplanade",
                            "rue De Lanaudière", "avenue Christophe-Colomb"),
                    MTL_RADIUS, "voip-mtl-1"),
            new City("Québec", "QC", "CA", "", 7.0,
                    List.of("G1R", "G1K", "G1S", "G1V", "G2B", "G1L"),
                    List.of("418", "581"),
                    List.of("rue Saint-Jean", "Grande Allée Est", "boulevard René-Lévesque Ouest",
                            "chemin Sainte-Foy", "3e Avenue", "rue Saint-Joseph Est", "rue Cartier"),
                    QC_RADIUS, "voip-mtl-1"),
            new City("Laval", "QC", "CA", "", 5.5,
                    List.of("H7A", "H7N", "H7T", "H7G", "H7M"),
                    List.of("450", "579"),
                    List.of("boulevard des Laurentides", "boulevard Saint-Martin Ouest",
                            "boulevard de la Concorde Est", "rue Principale", "avenue des Bois"),
                    MTL_RADIUS, "voip-mtl-1"),
            new City("Gatineau", "QC", "CA", "", 4.0,
                    List.of("J8X", "J8Y", "J8T", "J9H", "J8P"),
                    List.of("819", "873"),
                    List.of("rue Principale", "boulevard Saint-Joseph", "rue Laurier", "boulevard Gréber",
                            "rue Jean-Proulx"),
                    OTT_RADIUS, "voip-mtl-1"),
            new City("Sherbrooke", "QC", "CA", "", 3.5,
                    List.of("J1H", "J1J", "J1E", "J1G"),
                    List.of("819", "873"),
                    List.of("rue King Ouest", "rue Wellington Nord", "boulevard de Portland", "rue Galt Ouest"),
                    MTL_RADIUS, "voip-mtl-1"),
            new City("Trois-Rivières", "QC", "CA", "", 3.0,
                    List.of("G8T", "G9A", "G8Z", "G8Y"),
                    List.of("819", "873"),
                    List.of("rue des Forges", "boulevard des Récollets", "rue Notre-Dame Centre",
                            "boulevard des Forges"),
                    QC_RADIUS, "voip-mtl-1"),
            new City("Saguenay", "QC", "CA", "", 4.0,
                    List.of("G7H", "G7B", "G7X", "G7J"),
                    List.of("418", "581"),
                    List.of("rue Racine Est", "boulevard Talbot", "rue Price Ouest", "boulevard du Royaume Ouest"),
                    QC_RADIUS, "voip-mtl-1"),
            new City("Toronto", "ON", "CA", "", 12.5,
                    List.of("M5V", "M4W", "M6G", "M5A", "M4C", "M6J", "M4L"),
                    List.of("416", "647"),
                    List.of("King Street West", "Queen Street East", "Bloor Street West", "Yonge Street",
                            "Spadina Avenue", "Danforth Avenue", "College Street", "Dundas Street West"),
                    TOR_RADIUS, "voip-tor-1"),
            new City("Ottawa", "ON", "CA", "", 7.0,
                    List.of("K1P", "K1N", "K2P", "K1S", "K1Y"),
                    List.of("613", "343"),
                    List.of("Bank Street", "Elgin Street", "Rideau Street", "Wellington Street West",
                            "Somerset Street West", "Preston Street"),
                    OTT_RADIUS, "voip-tor-1"),
            new City("Hamilton", "ON", "CA", "", 3.5,
                    List.of("L8P", "L8L", "L9A", "L8M"),
                    List.of("905", "289"),
                    List.of("Main Street East", "King Street East", "Locke Street South", "James Street North"),
                    TOR_RADIUS, "voip-tor-1"),
            new City("Kingston", "ON", "CA", "", 2.0,
                    List.of("K7L", "K7K", "K7M"),
                    List.of("613", "343"),
                    List.of("Princess Street", "Brock Street", "Division Street", "King Street East"),
                    OTT_RADIUS, "voip-tor-1"),
            new City("Vancouver", "BC", "CA", "", 9.0,
                    List.of("V6B", "V5K", "V6H", "V5T", "V6K", "V5L"),
                    List.of("604", "778"),
                    List.of("Granville Street", "West Broadway", "Commercial Drive", "Main Street",
                            "Robson Street", "West 4th Avenue", "Kingsway"),
                    VAN_RADIUS, "voip-van-1"),
            new City("Victoria", "BC", "CA", "", 3.75,
                    List.of("V8W", "V8V", "V9A", "V8R"),
                    List.of("250", "778"),
                    List.of("Fort Street", "Douglas Street", "Cook Street", "Oak Bay Avenue"),
                    VAN_RADIUS, "voip-van-1"),
            new City("Kelowna", "BC", "CA", "", 2.25,
                    List.of("V1Y", "V1W", "V1X"),
                    List.of("250", "236"),
                    List.of("Bernard Avenue", "Pandosy Street", "Harvey Avenue", "Ellis Street"),
                    VAN_RADIUS, "voip-van-1"),
            new City("Albany", "NY", "US", "Albany", 4.0,
                    List.of("12203", "12206", "12208", "12210"),
                    List.of("518"),
                    List.of("State Street", "Madison Avenue", "Lark Street", "Central Avenue", "Western Avenue"),
                    US_RADIUS, "voip-btv-1"),
            new City("Burlington", "VT", "US", "Chittenden", 5.0,
                    List.of("05401", "05408"),
                    List.of("802"),
                    List.of("Church Street", "Pearl Street", "North Avenue", "Shelburne Road", "Colchester Avenue"),
                    US_RADIUS, "voip-btv-1"),
            new City("Portland", "ME", "US", "Cumberland", 3.0,
                    List.of("04101", "04102", "04103"),
                    List.of("207"),
                    List.of("Congress Street", "Commercial Street", "Forest Avenue", "Exchange Street"),
                    US_RADIUS, "voip-btv-1"),
            new City("Manchester", "NH", "US", "Hillsborough", 3.0,
                    List.of("03101", "03102", "03103", "03104"),
                    List.of("603"),
                    List.of("Elm Street", "Hanover Street", "Union Street", "Chestnut Street"),
                    US_RADIUS, "voip-btv-1"));

    /** Cottage country: where a residential customer's second service address is. */
    static final List<City> COTTAGES = List.of(
            new City("Mont-Tremblant", "QC", "CA", "", 0, List.of("J8E"), List.of("819"),
                    List.of("chemin du Lac-Tremblant", "montée Ryan", "chemin des Pins"), MTL_RADIUS, "voip-mtl-1"),
            new City("Magog", "QC", "CA", "", 0, List.of("J1X"), List.of("819"),
                    List.of("chemin de la Rivière", "rue Merry Nord", "chemin des Pères"), MTL_RADIUS, "voip-mtl-1"),
            new City("Huntsville", "ON", "CA", "", 0, List.of("P1H"), List.of("705"),
                    List.of("Fairy Lake Road", "Brunel Road", "Main Street East"), TOR_RADIUS, "voip-tor-1"),
            new City("Whistler", "BC", "CA", "", 0, List.of("V8E"), List.of("604"),
                    List.of("Alta Lake Road", "Nancy Greene Drive", "Lorimer Road"), VAN_RADIUS, "voip-van-1"),
            new City("Stowe", "VT", "US", "Lamoille", 0, List.of("05672"), List.of("802"),
                    List.of("Mountain Road", "Edson Hill Road", "Moscow Road"), US_RADIUS, "voip-btv-1"),
            new City("Lake Placid", "NY", "US", "Essex", 0, List.of("12946"), List.of("518"),
                    List.of("Mirror Lake Drive", "Saranac Avenue", "Old Military Road"), US_RADIUS, "voip-btv-1"),
            new City("Kennebunkport", "ME", "US", "York", 0, List.of("04046"), List.of("207"),
                    List.of("Ocean Avenue", "Wildes District Road", "Langsford Road"), US_RADIUS, "voip-btv-1"),
            new City("North Conway", "NH", "US", "Carroll", 0, List.of("03860"), List.of("603"),
                    List.of("Kearsarge Road", "West Side Road", "Main Street"), US_RADIUS, "voip-btv-1"));

    /** Letters Canada Post uses in postal codes (never D, F, I, O, Q or U). */
    private static final String POSTAL_LETTERS = "ABCEGHJKLMNPRSTVWXYZ";

    private DemoPlaces() {
    }

    static City homeCity(SplittableRandom random) {
        double point = random.nextDouble() * 100.0;
        double cumulative = 0;
        for (City city : CITIES) {
            cumulative += city.share();
            if (point < cumulative) {
                return city;
            }
        }
        return CITIES.get(CITIES.size() - 1);
    }

    /** A cottage, two times in three in the customer's own province or state when there is one. */
    static City cottage(SplittableRandom random, String homeRegion) {
        List<City> near = COTTAGES.stream().filter(city -> city.region().equals(homeRegion)).toList();
        if (!near.isEmpty() && random.nextInt(3) < 2) {
            return pick(random, near);
        }
        return pick(random, COTTAGES);
    }

    /** Another city than home, for a branch office. */
    static City branchCity(SplittableRandom random, City home) {
        City branch = homeCity(random);
        while (branch == home) {
            branch = homeCity(random);
        }
        return branch;
    }

    /** "1234, rue Saint-Denis" in Quebec, "56 King Street West" elsewhere. */
    static String streetLine(SplittableRandom random, City city) {
        int number = city.frenchAddress() ? 10 + random.nextInt(8990) : 1 + random.nextInt(2999);
        String street = pick(random, city.streets());
        return city.frenchAddress() ? number + ", " + street : number + " " + street;
    }

    /** Apartment, unit or suite, or empty: "app. 3", "bureau 200", "Apt 1203", "Suite 200". */
    static String unitLine(SplittableRandom random, City city, boolean commercial) {
        if (commercial) {
            if (random.nextInt(100) >= 40) {
                return "";
            }
            int suite = (1 + random.nextInt(9)) * 100 + random.nextInt(20);
            return city.frenchAddress() ? "bureau " + suite : "Suite " + suite;
        }
        if (random.nextInt(100) >= 30) {
            return "";
        }
        int apartment = 1 + random.nextInt(random.nextBoolean() ? 12 : 1800);
        if (city.frenchAddress()) {
            return "app. " + apartment;
        }
        return (random.nextBoolean() ? "Apt " : "Unit ") + apartment;
    }

    /** "H2X 1Y4" for a Canadian city, a ZIP code such as "05401" for a US one. */
    static String postalCode(SplittableRandom random, City city) {
        String prefix = pick(random, city.postalPrefixes());
        if (!city.canadian()) {
            return prefix;
        }
        return prefix + " " + random.nextInt(10)
                + POSTAL_LETTERS.charAt(random.nextInt(POSTAL_LETTERS.length()))
                + random.nextInt(10);
    }

    /** A ten-digit North American number in the city's area code; never a 555 or N11 exchange. */
    static String phoneNumber(SplittableRandom random, City city) {
        String areaCode = pick(random, city.areaCodes());
        int exchange;
        do {
            exchange = 200 + random.nextInt(800);
        } while (exchange == 555 || exchange % 100 == 11);
        return areaCode + exchange + pad(random.nextInt(10_000), 4);
    }

    static String radiusSource(SplittableRandom random, City city) {
        return pick(random, city.radiusSources());
    }

    /** Zero-padded decimal digits, the same in every locale. */
    static String pad(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
