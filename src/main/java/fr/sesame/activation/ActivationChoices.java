package fr.sesame.activation;

import java.io.Serializable;

/**
 * What the person chose along the wizard. The joker answer is already hashed: its clear text never
 * outlives the step where it was typed.
 *
 * @param mobile the mobile number in international form, or null when SMS alerts are refused
 */
public record ActivationChoices(
        String jokerQuestion,
        String jokerAnswerHash,
        boolean smsAlerts,
        String mobile,
        boolean photoUse,
        boolean listedInDirectory) implements Serializable {}
