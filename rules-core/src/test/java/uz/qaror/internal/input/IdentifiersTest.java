package uz.qaror.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @Test
    void validPinflDecodesBirthDateAndSex() {
        assertThat(Identifiers.pinflProblem("31405982610122")).isEmpty();
        assertThat(Identifiers.pinflBirthDate("31405982610122")).contains(LocalDate.of(1998, 5, 14));
        assertThat(Identifiers.pinflSex("31405982610122")).isEqualTo("M");
        assertThat(Identifiers.pinflSex("61002002610125")).isEqualTo("F");
        assertThat(Identifiers.pinflBirthDate("61002002610125")).contains(LocalDate.of(2000, 2, 10));
    }

    @Test
    void aPinflEncodesABirthDateExactlyWhenTheCalendarHasThatDay() {
        // every DD and MM from 00 to 99, in common and leap years and at a century's turn, of every century digit,
        // against the calendar's own answer
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (char century = '0'; century <= '9'; century++) {
            int base = switch (century) {
                case '1', '2' -> 1800;
                case '3', '4' -> 1900;
                case '5', '6' -> 2000;
                default -> -1;
            };
            for (int year : new int[] {0, 1, 3, 4, 12, 96, 99}) {
                for (int ddmm = 0; ddmm < 10_000; ddmm++) {
                    String pinfl = century + Integer.toString(10_000 + ddmm).substring(1)
                            + Integer.toString(100 + year).substring(1) + "2610122";
                    LocalDate expected = null;
                    if (base > 0) {
                        try {
                            expected = LocalDate.of(base + year, ddmm % 100, ddmm / 100);
                        } catch (java.time.DateTimeException noSuchDay) {
                            expected = null;
                        }
                    }
                    Identifiers.Pinfl checked = Identifiers.pinfl(pinfl);
                    boolean agrees = java.util.Objects.equals(Identifiers.pinflBirthDate(pinfl).orElse(null), expected)
                            && (checked.problem() == null ? checked.birthDate() != null
                            && checked.birthDate().equals(expected) : checked.birthDate() == null);
                    if (!agrees) {
                        wrong.add(pinfl);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        // digits 2-7 that are not all digits encode no date
        assertThat(Identifiers.pinflBirthDate("314+5982610122")).isEmpty();
        assertThat(Identifiers.pinflBirthDate("31405-82610122")).isEmpty();
    }

    @Test
    void passportStirAndSoatoShapesAreTheirRegularExpressions() {
        String[][] shapes = {{"[A-Z]{2}\\d{7}", "AA1234567"}, {"[2-7]\\d{8}", "301234567"},
            {"17\\d{2}(\\d{3}(\\d{3})?)?", "1726294000"}};
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        String alphabet = "0123456789AZaz@[ \u0663\uFF10\u00C0-+";
        for (String[] shape : shapes) {
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(shape[0]);
            for (int i = 0; i < 50_000; i++) {
                StringBuilder text = new StringBuilder(shape[1]);
                for (int edits = random.nextInt(3); edits > 0; edits--) {
                    int at = random.nextInt(text.length() + 1);
                    switch (random.nextInt(3)) {
                        case 0 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 1 -> text.setLength(Math.min(text.length(), at));
                        default -> {
                            if (at < text.length()) {
                                text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                            }
                        }
                    }
                }
                String value = text.toString();
                boolean shaped = switch (shape[1]) {
                    case "AA1234567" -> Identifiers.passportProblem(value).isEmpty();
                    case "301234567" -> Identifiers.stirProblem(value).isEmpty();
                    default -> Identifiers.soatoProblem(value).map(p -> p.contains("names no region")).orElse(true);
                };
                assertThat(shaped).as("%s against %s", value, shape[0]).isEqualTo(pattern.matcher(value).matches());
            }
        }
    }

    @Test
    void checkDigitUsesWeights731() {
        // 3*7+1*3+4*1+0*7+5*3+9*1+8*7+2*3+6*1+1*7+0*3+1*1+2*7 = 172 -> 2
        assertThat(Identifiers.pinflCheckDigit("3140598261012")).isEqualTo(2);
        assertThat(Identifiers.pinflProblem("31405982610121")).hasValueSatisfying(p -> assertThat(p)
                .contains("check digit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3140598261012", "314059826101222", "71405982610122", "33102982610122",
            "31405980000122", "3140598261012a"})
    void malformedPinflsAreRejected(String pinfl) {
        assertThat(Identifiers.pinflProblem(pinfl)).isPresent();
    }

    @Test
    void aPinflIsFourteenAsciiDigitsAsTheRegularExpressionSaidOtherDigitsAreNot() {
        // Arabic-Indic and fullwidth digits are digits to Character.isDigit, never to a PINFL
        assertThat(Identifiers.pinflProblem("\u0663\u0661\u0664\u0660\u0665\u0669\u0668\u0662\u0666\u0661"
                + "\u0660\u0661\u0662\u0662")).hasValueSatisfying(p -> assertThat(p).contains("not all digits"));
        assertThat(Identifiers.pinflProblem("\uFF13" + "1405982610122")).isPresent();
        java.util.regex.Pattern shape = java.util.regex.Pattern.compile("\\d{14}");
        java.util.SplittableRandom random = new java.util.SplittableRandom(14);
        String alphabet = "0123456789 a+-\u0663\uFF10";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder pinfl = new StringBuilder();
            int length = 12 + random.nextInt(4);
            for (int k = 0; k < length; k++) {
                pinfl.append(random.nextInt(20) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('0' + random.nextInt(10)));
            }
            String text = pinfl.toString();
            boolean wellShaped = Identifiers.pinflProblem(text).map(p -> !p.startsWith("a PINFL is 14 digits"))
                    .orElse(true);
            assertThat(wellShaped).as(text).isEqualTo(shape.matcher(text).matches());
        }
    }

    @Test
    void aNumberInUzbekE164FormIsJudgedAsLibphonenumbersParserJudgesIt() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(2026);
        int valid = 0;
        for (int prefix = 0; prefix < 1000; prefix++) {
            for (int i = 0; i < 60; i++) {
                String phone = String.format("+998%03d%06d", prefix, random.nextInt(1_000_000));
                Identifiers.Checked quick = Identifiers.phone(phone);
                assertThat(quick).as(phone).isEqualTo(Identifiers.phoneByParsing(phone));
                valid += quick.problem() == null ? 1 : 0;
            }
        }
        // both answers occur: the sweep crosses valid and invalid ranges
        assertThat(valid).isBetween(1000, 59_000);
    }

    @Test
    void aNumberInE164FormIsNotKeptByItsText() {
        // its prefix decides it (UzbekNumbering): a memory by text would only hold every distinct number of a batch
        int before = Identifiers.rememberedPhones();
        for (int i = 0; i < 100; i++) {
            assertThat(Identifiers.phone(String.format("+99890%07d", i)).problem()).isNull();
        }
        assertThat(Identifiers.rememberedPhones()).isEqualTo(before);
    }

    @Test
    void onlyPlusNineNineEightAndNineDigitsNotStartingWithZeroIsUzbekE164() {
        assertThat(Identifiers.isUzbekE164("+998901234567")).isTrue();
        for (String other : new String[] {"+998001234567", "+99890123456", "+9989012345678", "998901234567+",
                "+998 90123456", "+99890123456a", "+997901234567", "+998９01234567", ""}) {
            assertThat(Identifiers.isUzbekE164(other)).as(other).isFalse();
        }
    }

    @Test
    void phonesAreCheckedByLibphonenumber() {
        assertThat(Identifiers.phoneProblem("+998 90 123 45 67")).isEmpty();
        assertThat(Identifiers.phone("+998 90 123 45 67").value()).isEqualTo("+998901234567");
        assertThat(Identifiers.phoneProblem("+998 12")).isPresent();
        assertThat(Identifiers.phoneProblem("+7 912 345 67 89")).isPresent();
    }

    @Test
    void aNumberCheckedAgainGetsTheSameVerdictFromMemory() {
        for (String phone : new String[] {"998901234567", "+998 90 123 45 67", "+998 12", "+7 912 345 67 89"}) {
            Identifiers.Checked first = Identifiers.phone(phone);
            assertThat(first).as(phone).isEqualTo(Identifiers.judged(phone));
            assertThat(Identifiers.phone(phone)).as(phone).isSameAs(first);
        }
    }

    @Test
    void theMemoryOfVerdictsStaysSmallWhateverTheInput() {
        for (int i = 0; i < 10_000; i++) {
            Identifiers.phone(String.format("+998 90 %07d", i));
            assertThat(Identifiers.rememberedPhones()).isLessThanOrEqualTo(4096);
        }
        // a text longer than any phone number is judged every time, never kept
        String padded = "+998 90 123 45 67" + " ".repeat(40);
        Identifiers.Checked first = Identifiers.phone(padded);
        assertThat(first).isEqualTo(Identifiers.judged(padded));
        assertThat(Identifiers.phone(padded)).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void passportStirAndSoato() {
        assertThat(Identifiers.passportProblem("AA1234567")).isEmpty();
        assertThat(Identifiers.passportProblem("A1234567")).isPresent();
        assertThat(Identifiers.stirProblem("201234567")).isEmpty();
        assertThat(Identifiers.stirProblem("101234567")).isPresent();
        assertThat(Identifiers.soatoProblem("1726")).isEmpty();
        assertThat(Identifiers.soatoProblem("1726277")).isEmpty();
        assertThat(Identifiers.soatoProblem("1799")).isPresent();
        assertThat(Identifiers.soatoProblem("12")).isPresent();
    }
}
