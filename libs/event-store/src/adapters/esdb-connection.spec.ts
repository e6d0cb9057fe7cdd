import { EsdbConnection } from './esdb-connection';

describe('what the connection string says about a cluster', () => {
  it.each([
    ['esdb://n1:2113,n2:2113,n3:2113?tls=true', true],
    ['esdb://n1:2113,n2:2113,n3:2113?tls=true&nodePreference=leader', true],
    ['esdb://n1:2113,n2:2113,n3:2113?nodePreference=follower&tls=true', false],
    ['esdb+discover://cluster.example:2113?node_preference=ReadOnlyReplica', false],
    ['esdb://n1:2113?tls=false&NodePreference=random', false],
  ])('%s: reads require the leader = %s', async (connectionString, leader) => {
    const connection = new EsdbConnection(connectionString);
    expect(connection.readsRequireLeader).toBe(leader);
    await connection.dispose();
  });
});
