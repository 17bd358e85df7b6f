/**
 * Ports that no address range as wide as the internet should reach: remote administration (a
 * shell, a desktop) and data stores and brokers, whose protocols trust whoever connects far more
 * than a web server does. Web ports (80, 443) are left out: a load balancer open to the world is
 * the usual front door. Each row: the port, what listens there, and whether it administers hosts.
 */
export interface SensitivePort {
  port: number;
  service: string;
  administration: boolean;
}

export const SENSITIVE_PORTS: readonly SensitivePort[] = [
  { port: 22, service: 'SSH', administration: true },
  { port: 23, service: 'Telnet', administration: true },
  { port: 3389, service: 'RDP', administration: true },
  { port: 5900, service: 'VNC', administration: true },
  { port: 5985, service: 'WinRM', administration: true },
  { port: 5986, service: 'WinRM over TLS', administration: true },
  { port: 135, service: 'Windows RPC', administration: true },
  { port: 139, service: 'NetBIOS', administration: true },
  { port: 445, service: 'SMB', administration: true },
  { port: 2049, service: 'NFS', administration: false },
  { port: 1433, service: 'SQL Server', administration: false },
  { port: 1521, service: 'Oracle', administration: false },
  { port: 3306, service: 'MySQL/Aurora', administration: false },
  { port: 5432, service: 'PostgreSQL', administration: false },
  { port: 5439, service: 'Redshift', administration: false },
  { port: 6379, service: 'Redis', administration: false },
  { port: 11211, service: 'Memcached', administration: false },
  { port: 27017, service: 'MongoDB/DocumentDB', administration: false },
  { port: 9042, service: 'Cassandra/Keyspaces', administration: false },
  { port: 8182, service: 'Neptune', administration: false },
  { port: 9200, service: 'Elasticsearch/OpenSearch', administration: false },
  { port: 5601, service: 'Kibana', administration: false },
  { port: 2181, service: 'ZooKeeper', administration: false },
  { port: 9092, service: 'Kafka', administration: false },
  { port: 9094, service: 'Kafka over TLS', administration: false },
  { port: 5671, service: 'AMQP over TLS', administration: false },
  { port: 5672, service: 'AMQP', administration: false },
  { port: 61617, service: 'ActiveMQ OpenWire', administration: false },
  { port: 61614, service: 'ActiveMQ STOMP', administration: false },
  { port: 61619, service: 'ActiveMQ WebSocket', administration: false },
  { port: 8162, service: 'ActiveMQ web console', administration: true },
  { port: 15671, service: 'RabbitMQ management', administration: true },
  { port: 8883, service: 'MQTT over TLS', administration: false },
];
