/**
 * The facts and globals that rule files see. Every service's rules may match {@link uz.qaror.facts.Application},
 * {@link uz.qaror.facts.Applicant}, {@link uz.qaror.facts.Member}, {@link uz.qaror.facts.Household},
 * {@link uz.qaror.facts.Document}, {@link uz.qaror.facts.Vehicle}, {@link uz.qaror.facts.Property} and the
 * service's own {@code Form} (declared by the engine from the descriptor's inputs), and call the globals
 * {@code decision} ({@link uz.qaror.facts.DecisionSheet}) and {@code params} ({@link uz.qaror.facts.Parameters}).
 * All facts are immutable: rules read them and write only to {@code decision}.
 */
package uz.qaror.facts;
