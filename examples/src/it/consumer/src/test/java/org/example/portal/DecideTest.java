package org.example.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.Outcome;

/** The embedder's first test: the embedded catalog decides an application. */
class DecideTest {

    @Test
    void aSeventeenYearOldIsNotMarriedWithoutThePermission() {
        Decision decision = DecisionEngine.embedded().decide("""
                {"id": "MR-1", "service": "marriage-registration", "submittedAt": "2025-09-15T10:30:00+05:00",
                 "applicant": {"birthDate": "2008-03-10", "sex": "M", "citizenship": "UZ"},
                 "form": {"spouseBirthDate": "2000-02-10", "applicantMarried": false, "spouseMarried": false,
                          "closeRelatives": false}}
                """);
        assertEquals(Outcome.REJECTED, decision.outcome(), decision.toJson(Language.EN));
        assertEquals("APPLICANT_UNDER_AGE", decision.reasons().get(0).code());
    }
}
