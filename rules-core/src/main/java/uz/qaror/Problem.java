package uz.qaror;

/** One thing wrong with an application: where ({@code form.spouseBirthDate}, {@code $}) and what. */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
