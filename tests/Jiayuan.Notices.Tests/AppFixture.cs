[assembly: AssemblyFixture(typeof(JiayuanApp))]
