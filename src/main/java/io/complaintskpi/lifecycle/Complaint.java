package io.complaintskpi.lifecycle;

import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.Regime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A complaint's lifecycle: whose (the authority, whose own corporate timescales apply), who made it, where,
 * and its stages in order (stage 1 first).
 */
public record Complaint(String authority, Regime regime, String serviceArea, ComplainantType complainantType,
                        LocalDate receivedOn, LocalDate agreedResponseBy, List<Stage> stages,
                        List<Dated<ActionKind>> actions) {

    public Complaint {
        stages = List.copyOf(stages);
        actions = List.copyOf(actions);
    }

    public Stage current() {
        return stages.get(stages.size() - 1);
    }

    public Optional<Stage> stage(int number) {
        return stages.stream().filter(s -> s.number() == number).findFirst();
    }

    public boolean withdrawn() {
        return current().closure() == Closure.WITHDRAWN;
    }

    Complaint withCurrent(Stage replacement) {
        return withStage(current().number(), replacement);
    }

    Complaint withStage(int number, Stage replacement) {
        List<Stage> next = new ArrayList<>(stages);
        next.replaceAll(stage -> stage.number() == number ? replacement : stage);
        return new Complaint(authority, regime, serviceArea, complainantType, receivedOn, agreedResponseBy, next, actions);
    }

    Complaint withStage(Stage added) {
        List<Stage> next = new ArrayList<>(stages);
        next.add(added);
        return new Complaint(authority, regime, serviceArea, complainantType, receivedOn, agreedResponseBy, next, actions);
    }

    Complaint withAction(Dated<ActionKind> action) {
        List<Dated<ActionKind>> next = new ArrayList<>(actions);
        next.add(action);
        return new Complaint(authority, regime, serviceArea, complainantType, receivedOn, agreedResponseBy, stages, next);
    }
}
