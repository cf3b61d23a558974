global using PolicyCheck.TestKit;
