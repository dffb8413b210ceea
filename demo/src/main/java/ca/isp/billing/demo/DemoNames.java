package ca.isp.billing.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Names of the ISP's customers: people and small businesses, French (with their accents) and
 * English, and the plain-ASCII email addresses made from them.
 */
final class DemoNames {

    private static final List<String> FRENCH_FIRST = List.of(
            "Hélène", "François", "Geneviève", "Jérôme", "Stéphane", "Émilie", "Mélanie", "Frédéric",
            "Sébastien", "Josée", "Réjean", "Gaétan", "Léa", "Chloé", "Zoé", "Éric", "Benoît", "Noémie",
            "Anaïs", "Raphaël", "Gabriel", "Mathieu", "Julie", "Marc-André", "Marie-Ève", "Jean-François",
            "Valérie", "Louis", "Nathalie", "Sylvie", "Pierre", "Luc", "Isabelle", "Camille", "Étienne",
            "Olivier", "Maxime", "Amélie", "Thérèse", "Gisèle", "Rosalie", "Félix", "Jérémie", "Andrée",
            "Céline", "Denis", "Éloïse", "Maël");

    private static final List<String> FRENCH_LAST = List.of(
            "Côté", "Bélanger", "Lévesque", "Tremblay", "Gagnon", "Roy", "Bouchard", "Gauthier", "Morin",
            "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bergeron", "Paquette", "Girard", "Simard",
            "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc",
            "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Landry", "Desjardins", "Bédard",
            "Hébert", "Thériault", "Séguin", "Bérubé", "Ménard", "Lachance", "Deschênes", "Gélinas",
            "Brisebois", "Létourneau", "Marcotte", "Vézina", "Francœur", "Dupont");

    private static final List<String> ENGLISH_FIRST = List.of(
            "Emily", "Michael", "Sarah", "David", "Jennifer", "Ryan", "Jessica", "Daniel", "Ashley",
            "Matthew", "Olivia", "Liam", "Noah", "Emma", "Ava", "Ethan", "Priya", "Raj", "Wei", "Mei",
            "Amir", "Fatima", "Connor", "Megan", "Tyler", "Hannah", "Jordan", "Taylor", "Grace", "Owen",
            "Lucas", "Susan", "Robert", "Karen", "James", "Linda", "Kevin", "Nicole");

    private static final List<String> ENGLISH_LAST = List.of(
            "Smith", "Brown", "Wilson", "MacDonald", "Campbell", "Anderson", "Taylor", "Thompson", "Martin",
            "Wong", "Singh", "Patel", "Chen", "Nguyen", "Li", "Murphy", "O'Brien", "Kelly", "Fraser",
            "Stewart", "Robertson", "Johnston", "Walsh", "Kowalski", "Rossi", "Ahmed", "Clarke", "Young",
            "Graham", "Hughes", "Reid", "Sullivan", "Hall", "Baker");

    private static final List<String> FRENCH_TRADES = List.of(
            "Boulangerie", "Quincaillerie", "Garage", "Pharmacie", "Clinique dentaire", "Fromagerie",
            "Imprimerie", "Épicerie", "Plomberie", "Électricité", "Traiteur", "Cabinet comptable",
            "Salon de coiffure", "Ébénisterie", "Toitures", "Clinique vétérinaire", "Café", "Librairie",
            "Déménagement", "Rénovations");

    private static final List<String> FRENCH_PLACES = List.of(
            "Saint-Roch", "du Plateau", "des Érables", "Sainte-Foy", "du Vieux-Port", "Limoilou",
            "de la Rive-Sud", "des Cantons", "du Boisé", "Saint-Sauveur", "de l'Estrie", "Laurentide");

    private static final List<String> FRENCH_SUFFIXES = List.of(" inc.", " ltée", "", " & Fils ltée",
            " et Frères inc.", " s.e.n.c.");

    private static final List<String> ENGLISH_PLACES = List.of(
            "Maple Leaf", "Harbourview", "Lakeside", "Northshore", "Riverside", "Glebe", "Beaches",
            "Kitsilano", "Okanagan", "Cataraqui", "Hillcrest", "Parkdale", "Pinecrest", "Bayview");

    private static final List<String> US_PLACES = List.of(
            "Green Mountain", "Champlain", "Hudson Valley", "Capital District", "Pine Tree", "Casco Bay",
            "Granite State", "Merrimack", "Old Port", "Adirondack");

    private static final List<String> ENGLISH_TRADES = List.of(
            "Dental Clinic", "Bakery", "Auto Repair", "Accounting", "Hardware", "Law Office",
            "Veterinary Clinic", "Coffee Roasters", "Printing", "Landscaping", "Physiotherapy",
            "Plumbing & Heating", "Bookshop", "Insurance Brokers", "Realty", "Florist");

    // email folding: combining accents, dropped punctuation, separators, leading/trailing dots
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern DROPPED = Pattern.compile("['.]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9-]+");
    private static final Pattern ENDS = Pattern.compile("^[.-]+|[.-]+$");

    private DemoNames() {
    }

    /** A person's full name: "Hélène Côté", "Ryan O'Brien". */
    static String person(SplittableRandom random, boolean french) {
        if (french) {
            return DemoPlaces.pick(random, FRENCH_FIRST) + " " + DemoPlaces.pick(random, FRENCH_LAST);
        }
        return DemoPlaces.pick(random, ENGLISH_FIRST) + " " + DemoPlaces.pick(random, ENGLISH_LAST);
    }

    /** A small business: "Boulangerie Saint-Roch inc.", "Dupont & Fils ltée", "Maple Leaf Dental Clinic". */
    static String company(SplittableRandom random, boolean french, boolean american) {
        if (french) {
            String trade = DemoPlaces.pick(random, FRENCH_TRADES);
            String suffix = DemoPlaces.pick(random, FRENCH_SUFFIXES);
            if (suffix.contains("Fils") || suffix.contains("Frères")) {
                return DemoPlaces.pick(random, FRENCH_LAST) + suffix;
            }
            String place = random.nextBoolean()
                    ? DemoPlaces.pick(random, FRENCH_PLACES)
                    : DemoPlaces.pick(random, FRENCH_LAST);
            return trade + " " + place + suffix;
        }
        String place = american ? DemoPlaces.pick(random, US_PLACES) : DemoPlaces.pick(random, ENGLISH_PLACES);
        if (random.nextInt(4) == 0) {
            place = DemoPlaces.pick(random, ENGLISH_LAST) + " & Sons";
        }
        String trade = DemoPlaces.pick(random, ENGLISH_TRADES);
        String suffix = american
                ? DemoPlaces.pick(random, List.of(" LLC", " Inc.", ""))
                : DemoPlaces.pick(random, List.of(" Inc.", " Ltd.", ""));
        return place + " " + trade + suffix;
    }

    /** The email local part: accents folded, lower case, "Hélène Côté" gives "helene.cote". */
    static String emailLocalPart(String name) {
        String decomposed = Normalizer.normalize(name.replace("œ", "oe").replace("&", " "), Normalizer.Form.NFD);
        String folded = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        String local = DROPPED.matcher(folded).replaceAll("");
        local = SEPARATORS.matcher(local).replaceAll(".");
        local = ENDS.matcher(local).replaceAll("");
        if (local.length() > 40) {
            local = ENDS.matcher(local.substring(0, 40)).replaceAll("");
        }
        return local;
    }
}
