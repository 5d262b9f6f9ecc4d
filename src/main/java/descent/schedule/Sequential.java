package descent.schedule;

import descent.check.Check;
import java.util.Arrays;
import java.util.List;

/**
 * Schedules run one after another: the first until milestone 1, the second from there, and so on.
 * Each starts from its own step 0 when its turn comes.
 *
 * <pre>  η_t = schedules[i].valueAt(t − m_i)  where m_0 = 0 and m_i ≤ t < m_{i+1}  </pre>
 *
 * <p>Source: PyTorch {@code torch.optim.lr_scheduler.SequentialLR}.
 */
public final class Sequential implements Schedule {

    private final List<Schedule> schedules;
    private final int[] milestones;

    /** @param milestones strictly increasing steps >= 1, one fewer than the schedules */
    public Sequential(List<Schedule> schedules, int... milestones) {
        if (schedules == null || schedules.isEmpty() || schedules.stream().anyMatch(s -> s == null))
            throw new IllegalArgumentException("schedules must be a non-empty list without nulls, got " + schedules);
        this.milestones = Check.increasing("milestones", milestones, 1);
        if (milestones.length != schedules.size() - 1)
            throw new IllegalArgumentException("milestones must have schedules.size() − 1 = " + (schedules.size() - 1)
                    + " entries, got " + Arrays.toString(milestones));
        this.schedules = List.copyOf(schedules);
    }

    @Override
    public double valueAt(int step) {
        int i = Bisect.right(milestones, Check.step(step));
        int start = i == 0 ? 0 : milestones[i - 1];
        return schedules.get(i).valueAt(step - start);
    }

    @Override
    public String toString() {
        return "Sequential " + schedules + " at " + Arrays.toString(milestones);
    }
}
