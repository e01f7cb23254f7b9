// The prominent "Try with the sample org" offer: connects to the built-in generated org and goes to Pull.
import { useConnection } from '../../app/ConnectionContext';
import { useNavigation } from '../../app/NavigationContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';

export function SampleOrgOffer() {
  const client = useService();
  const { setConnection } = useConnection();
  const { navigate } = useNavigation();
  const useSample = useAsyncAction(async () => {
    setConnection(await client.call('connection.useSampleOrg', {}));
    navigate('pull');
  });
  return (
    <section className="panel panel-accent" aria-labelledby="sample-heading">
      <h2 id="sample-heading">Just looking?</h2>
      <p>Try everything on a generated company of about 300 people. No token, no network.</p>
      <button
        type="button"
        className="button-primary button-large"
        disabled={useSample.pending}
        onClick={() => void useSample.run()}
      >
        {useSample.pending ? 'Opening the sample org…' : 'Try with the sample org'}
      </button>
      <ErrorAlert error={useSample.error} />
    </section>
  );
}
