using System.Globalization;

namespace SerAdapt.Experiments;

/// <summary>
/// The <see cref="Shard"/> of a Slurm job array task, from the variables Slurm sets in it:
/// SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, with SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_STEP
/// for arrays that do not start at 0 or have a step (<c>--array=1-8</c>, <c>--array=0-14:2</c>):
/// shard (ID − MIN) / STEP of COUNT.
/// </summary>
public static class SlurmArray
{
    public const string TaskId = "SLURM_ARRAY_TASK_ID";
    public const string TaskCount = "SLURM_ARRAY_TASK_COUNT";
    public const string TaskMin = "SLURM_ARRAY_TASK_MIN";
    public const string TaskStep = "SLURM_ARRAY_TASK_STEP";

    /// <summary>The task's shard; null outside a job array (no SLURM_ARRAY_TASK_ID). Inconsistent values are an <see cref="ArgumentException"/>.</summary>
    public static Shard? FromEnvironment(Func<string, string?> variable)
    {
        if (string.IsNullOrEmpty(variable(TaskId))) return null;
        int id = Read(variable, TaskId, null);
        int count = Read(variable, TaskCount, null);
        int min = Read(variable, TaskMin, 0);
        int step = Read(variable, TaskStep, 1);
        string values = $"{TaskId}={id}, {TaskCount}={count}, {TaskMin}={min}, {TaskStep}={step}";
        if (count < 1 || step < 1)
            throw new ArgumentException($"Slurm array variables are inconsistent ({values}): the count and the step must be at least 1; give --shard k/n.");
        if (id < min || (id - min) % step != 0 || (id - min) / step >= count)
            throw new ArgumentException($"Slurm array variables are inconsistent ({values}): the task is not one of MIN + STEP·k, k = 0..COUNT−1 "
                + "(an array given as a list, e.g. --array=1,5,9?); give --shard k/n.");
        return new Shard((id - min) / step, count);
    }

    private static int Read(Func<string, string?> variable, string name, int? fallback)
    {
        string? text = variable(name);
        if (string.IsNullOrEmpty(text))
            return fallback ?? throw new ArgumentException($"{TaskId} is set but {name} is not: cannot tell the shard; give --shard k/n.");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{name}='{text}' is not a whole number; give --shard k/n.");
    }
}
