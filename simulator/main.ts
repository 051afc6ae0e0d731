import { seedDemoWorkspace, startSimulator } from './index';
import { seedDemoAgency } from './seedAgency';

async function main(): Promise<void> {
	const port = Number(process.env.SIMULATOR_PORT ?? 4010);
	const apiKey = process.env.SIMULATOR_API_KEY ?? 'demo-key';
	const simulator = await startSimulator({ port });
	const demo = seedDemoWorkspace(simulator, apiKey);
	console.log(`Instantly API v2 simulator listening on ${simulator.url}`);
	console.log(`Demo workspace ${demo.id}, API key: ${demo.apiKey}`);
	const agency = seedDemoAgency(simulator, apiKey);
	console.log('Its client workspaces (x-as-workspace with the same key):');
	for (const client of agency.clients) console.log(`  ${client.id}  ${client.name} (${client.status})`);
	console.log(`Control API: ${simulator.url}/__simulator/`);
	const stop = () => {
		void simulator.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
