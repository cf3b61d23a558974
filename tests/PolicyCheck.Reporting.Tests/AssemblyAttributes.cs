// Writers are pure functions of their input, so fixtures may run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
