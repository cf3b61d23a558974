// Rules are stateless and every test builds its own cluster, so fixtures may run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
